//! Differential fuzzing of the decoders (rust/zip/decode/) against second implementations: whatever
//! shipgate's LZMA, XZ or Zstandard decoder accepts, lzma-rs or ruzstd must decode to the same bytes (a
//! lenient decoder verifies content other extractors would not write). Deflate64, bzip2 and PPMd run for
//! panics and bounds only here; tests/archive/test_decoders.py compares the first two with C implementations,
//! tests/archive/test_methods.py verifies 7-Zip's PPMd.
//! The first byte picks the method and the LZMA end-marker flag, the next four the declared size.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use shipgate_native::zip::decode::{self, DecodeError, Decoder};

const METHODS: [u16; 6] = [decode::LZMA, decode::XZ, decode::ZSTD, decode::DEFLATE64, decode::BZIP2, decode::PPMD];
/// Output beyond this is not compared (a bomb is the verifier's ratio check's business, not this target's).
const MAX_OUT: usize = 4 << 20;

fn ours(d: &mut dyn Decoder, input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 8191];
    let mut at = 0;
    loop {
        let end = (at + 4093).min(input.len());
        let p = d.decode(&input[at..end], &mut buf, end == input.len()).ok()?;
        at += p.used;
        out.extend_from_slice(&buf[..p.made]);
        if p.ended {
            return Some(out);
        }
        if out.len() > MAX_OUT || (p.used == 0 && p.made == 0 && end == input.len()) {
            return None;
        }
    }
}

fn reference(method: u16, stream: &[u8], size: u64, eos: bool) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match method {
        decode::LZMA => {
            if stream.len() < 9 || stream[2..4] != [5, 0] {
                return None;
            }
            let alone = [&stream[4..9], &[0xff; 8][..], &stream[9..]].concat();
            let options = lzma_rs::decompress::Options {
                unpacked_size: lzma_rs::decompress::UnpackedSize::ReadHeaderButUseProvided((!eos).then_some(size)),
                memlimit: Some(decode::MAX_DECODER_MEMORY as usize),
                allow_incomplete: false,
            };
            lzma_rs::lzma_decompress_with_options(&mut &alone[..], &mut out, &options).ok()?;
        }
        decode::XZ => lzma_rs::xz_decompress(&mut &stream[..], &mut out).ok()?,
        decode::ZSTD => {
            let mut input = stream;
            while !input.is_empty() {
                let mut frame = ruzstd::decoding::StreamingDecoder::new(&mut input).ok()?;
                frame.read_to_end(&mut out).ok()?;
            }
        }
        _ => return None,
    }
    Some(out)
}

fuzz_target!(|data: &[u8]| {
    let [pick, a, b, c, d, stream @ ..] = data else { return };
    let method = METHODS[*pick as usize % METHODS.len()];
    let eos = pick & 0x80 != 0;
    let size = u64::from(u32::from_le_bytes([*a, *b, *c, *d]) % (MAX_OUT as u32));
    let mut decoder = decode::for_method(method, size, if eos { 2 } else { 0 }).expect("a decoded method");
    let Some(got) = ours(decoder.as_mut(), stream) else { return };
    if method == decode::LZMA && !eos && got.len() as u64 != size {
        return; // the verifier reports a size mismatch
    }
    match (method, reference(method, stream, size, eos)) {
        (decode::LZMA | decode::XZ, other) => assert_eq!(other.as_deref(), Some(&got[..]), "method {method}"),
        (decode::ZSTD, Some(other)) => assert_eq!(other, got, "Zstandard"),
        // ruzstd refuses some frames libzstd (the format's reference decoder, which Python 3.14's zipfile and
        // 7-Zip's Zstandard builds use) decodes: fuzz/README.md. Both decoding differently is the failure.
        _ => {}
    }
    let _ = DecodeError::Memory; // both outcomes of a rejected stream are fine here
});
