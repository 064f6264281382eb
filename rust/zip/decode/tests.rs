//! Every decoder round-trips its method in odd-sized pieces, and is differentially tested against a second
//! implementation (lzma-rs for LZMA and XZ, ruzstd for Zstandard; bzip2 and Deflate64 are compared with
//! C implementations from Python, tests/native/test_decoders.py; PPMd streams 7-Zip wrote are verified from
//! Python, tests/archive/test_methods.py): on valid streams and on mutations of
//! them, whatever ours accepts the other decodes to the same bytes. The lesson of `zip.corrupt_data`: a
//! lenient decoder verifies content that other extractors would not write.

use std::io::{Read, Write};

use super::*;

fn text() -> Vec<u8> {
    let words = ["vendor", "upgrade", "dten", "migrate", "schema", "restart", "binary", "42", "\n"];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    (0..40_000)
        .flat_map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            format!("{} ", words[(state % words.len() as u64) as usize]).into_bytes()
        })
        .collect()
}

/// Decode `input` fed in pieces of `in_piece` into pieces of `out_piece`.
fn run(decoder: &mut dyn Decoder, input: &[u8], in_piece: usize, out_piece: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; out_piece];
    let mut at = 0;
    let mut idle = 0;
    loop {
        let end = (at + in_piece).min(input.len());
        let p = decoder.decode(&input[at..end], &mut buf, end == input.len())?;
        at += p.used;
        out.extend_from_slice(&buf[..p.made]);
        if p.ended {
            return Ok(out);
        }
        idle = if p.used == 0 && p.made == 0 { idle + 1 } else { 0 };
        if idle > 2 {
            return Err(DecodeError::Corrupt("no progress: truncated".into()));
        }
    }
}

fn deflated(data: &[u8], level: flate2::Compression) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), level);
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn bzipped(data: &[u8]) -> Vec<u8> {
    let mut enc = ::bzip2::write::BzEncoder::new(Vec::new(), ::bzip2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// An LZMA entry as ZIP writers store it (APPNOTE 5.8.8), with an end marker: liblzma's `.lzma` output with
/// the 8-byte size dropped and the ZIP header put in front.
fn lzma_zip(data: &[u8]) -> Vec<u8> {
    let options = liblzma::stream::LzmaOptions::new_preset(6).unwrap();
    let stream = liblzma::stream::Stream::new_lzma_encoder(&options).unwrap();
    let mut enc = liblzma::write::XzEncoder::new_stream(Vec::new(), stream);
    enc.write_all(data).unwrap();
    let alone = enc.finish().unwrap();
    [&[16, 2, 5, 0][..], &alone[..5], &alone[13..]].concat()
}

fn xzed(data: &[u8]) -> Vec<u8> {
    let mut enc = liblzma::write::XzEncoder::new(Vec::new(), 6);
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn zstded(data: &[u8]) -> Vec<u8> {
    ::zstd::encode_all(data, 19).unwrap()
}

/// A PPMd entry as APPNOTE 5.10 has it: the parameter word (order, memory in MiB, restore method), then the
/// stream with its end mark, as 7-Zip writes it.
fn ppmd_zip(data: &[u8], order: u32, mem_mib: u32, restore: u16) -> Vec<u8> {
    let method = if restore == 0 { ppmd_rust::RestoreMethod::Restart } else { ppmd_rust::RestoreMethod::CutOff };
    let mut enc = ppmd_rust::Ppmd8Encoder::new(Vec::new(), order, mem_mib << 20, method).unwrap();
    enc.write_all(data).unwrap();
    let stream = enc.finish(true).unwrap();
    let word = (order - 1) as u16 | ((mem_mib - 1) as u16) << 4 | restore << 12;
    [&word.to_le_bytes()[..], &stream].concat()
}

const LZMA_EOS: u16 = 1 << 1;

#[test]
fn every_method_round_trips_in_odd_pieces() {
    let data = text();
    let cases: Vec<(u16, u16, Vec<u8>)> = vec![
        (DEFLATE, 0, deflated(&data, flate2::Compression::default())),
        // A deflate stream without length code 285 reads the same as Deflate64 (7-Zip's own streams are
        // checked from Python, tests/archive/test_real_tools.py).
        (DEFLATE64, 0, deflated(&data, flate2::Compression::none())),
        (BZIP2, 0, bzipped(&data)),
        (LZMA, LZMA_EOS, lzma_zip(&data)),
        (ZSTD, 0, zstded(&data)),
        (XZ, 0, xzed(&data)),
        (PPMD, 0, ppmd_zip(&data, 6, 16, 0)),
        (PPMD, 0, ppmd_zip(&data, 16, 2, 1)),
    ];
    for (method, flags, stream) in cases {
        for (inp, outp) in [(1, 7), (13, 4096), (65_536, 1), (stream.len(), 1 << 20)] {
            let mut d = for_method(method, data.len() as u64, flags).unwrap();
            let got = run(d.as_mut(), &stream, inp, outp).unwrap_or_else(|e| panic!("method {method}: {e:?}"));
            assert!(got == data, "method {method}, pieces {inp}/{outp}");
        }
    }
}

#[test]
fn lzma_without_an_end_marker_stops_at_the_declared_size() {
    // lzma-rs writes the size in the header and no end marker when told the size.
    let data = text();
    let mut alone = Vec::new();
    let options = lzma_rs::compress::Options {
        unpacked_size: lzma_rs::compress::UnpackedSize::WriteToHeader(Some(data.len() as u64)),
    };
    lzma_rs::lzma_compress_with_options(&mut &data[..], &mut alone, &options).unwrap();
    let stream = [&[16, 2, 5, 0][..], &alone[..5], &alone[13..]].concat();
    let mut d = for_method(LZMA, data.len() as u64, 0).unwrap();
    assert!(run(d.as_mut(), &stream, 4096, 4096).unwrap() == data);
}

#[test]
fn garbage_is_corrupt_and_oversized_windows_are_a_memory_finding() {
    for method in [DEFLATE64, BZIP2, LZMA, ZSTD, XZ] {
        let mut d = for_method(method, 100, 0).unwrap();
        let r = run(d.as_mut(), b"this is not a compressed stream of any kind, honestly", 64, 64);
        assert!(matches!(r, Err(DecodeError::Corrupt(_))), "method {method}: {r:?}");
    }
    // LZMA properties declaring a 1 GiB dictionary.
    let mut header = vec![16, 2, 5, 0, 0x5d];
    header.extend_from_slice(&(1u32 << 30).to_le_bytes());
    header.extend_from_slice(&[0; 32]);
    let mut d = for_method(LZMA, 100, LZMA_EOS).unwrap();
    assert_eq!(run(d.as_mut(), &header, 64, 64), Err(DecodeError::Memory));
    // A Zstandard frame with a 1 GiB window (window descriptor: exponent 20 → 2^30).
    let frame = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xa0, 0, 0, 0, 0, 0, 0];
    let mut d = for_method(ZSTD, 100, 0).unwrap();
    assert_eq!(run(d.as_mut(), &frame, 64, 64), Err(DecodeError::Memory));
    // PPMd: a 256 MiB model, order 1, restore method 2, a stream cut inside its header.
    let mut d = for_method(PPMD, 100, 0).unwrap();
    assert_eq!(run(d.as_mut(), &[0xf5, 0x0f, 1, 2, 3, 4, 5], 64, 64), Err(DecodeError::Memory));
    for bad in [&[0x50, 0x00, 1, 2, 3, 4][..], &[0x55, 0x20, 1, 2, 3, 4], &[0x55]] {
        let mut d = for_method(PPMD, 100, 0).unwrap();
        assert!(matches!(run(d.as_mut(), bad, 64, 64), Err(DecodeError::Corrupt(_))), "{bad:?}");
    }
}

#[test]
fn ppmd_mutants_end_without_a_panic_and_every_call_makes_progress() {
    let data: Vec<u8> = text().into_iter().take(20_000).collect();
    let stream = ppmd_zip(&data, 8, 4, 0);
    for (i, m) in mutants(&stream[2..], 400, 98 * 7919).iter().enumerate() {
        let entry = [&stream[..2], &m[..]].concat();
        let mut d = for_method(PPMD, data.len() as u64, 0).unwrap();
        let (mut at, mut out) = (0, 0usize);
        let mut buf = vec![0u8; 8191];
        // A mutant may decode to any number of bytes; the verifier stops it at the entry's size, this at 4×.
        while out < 4 * data.len() {
            let end = (at + 4093).min(entry.len());
            match d.decode(&entry[at..end], &mut buf, end == entry.len()) {
                Ok(p) if p.ended => break,
                Ok(p) => {
                    assert!(p.used > 0 || p.made > 0, "mutant {i}: a call with input left made no progress");
                    (at, out) = (at + p.used, out + p.made);
                }
                Err(_) => break,
            }
        }
    }
}

/// The second implementation's reading of `stream`, `None` when it rejects it.
fn reference(method: u16, stream: &[u8], size: u64, flags: u16) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match method {
        LZMA => {
            if stream.len() < 9 || stream[2..4] != [5, 0] {
                return None;
            }
            let mut alone = stream[4..9].to_vec();
            alone.extend_from_slice(&[0xff; 8]);
            alone.extend_from_slice(&stream[9..]);
            let unpacked = if flags & LZMA_EOS != 0 { None } else { Some(size) };
            let options = lzma_rs::decompress::Options {
                unpacked_size: lzma_rs::decompress::UnpackedSize::ReadHeaderButUseProvided(unpacked),
                memlimit: Some(MAX_DECODER_MEMORY as usize),
                allow_incomplete: false,
            };
            lzma_rs::lzma_decompress_with_options(&mut &alone[..], &mut out, &options).ok()?;
        }
        XZ => lzma_rs::xz_decompress(&mut &stream[..], &mut out).ok()?,
        ZSTD => {
            let mut input = stream;
            while !input.is_empty() {
                let mut frame = ruzstd::decoding::StreamingDecoder::new(&mut input).ok()?;
                frame.read_to_end(&mut out).ok()?;
            }
        }
        _ => unreachable!("no Rust second implementation of method {method}"),
    }
    Some(out)
}

/// Seeded mutations of a valid stream: a flipped bit, a changed byte, a cut, a repeated slice.
fn mutants(stream: &[u8], count: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut state = seed | 1;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    (0..count)
        .map(|i| {
            let mut m = stream.to_vec();
            match i % 4 {
                0 => {
                    let at = next(m.len());
                    m[at] ^= 1 << next(8);
                }
                1 => {
                    let at = next(m.len());
                    m[at] = next(256) as u8;
                }
                2 => m.truncate(next(m.len())),
                _ => {
                    let (a, b) = (next(m.len()), next(m.len()));
                    let piece = m[a.min(b)..a.max(b)].to_vec();
                    let at = next(m.len());
                    m.splice(at..at, piece);
                }
            }
            m
        })
        .collect()
}

/// Ours and the reference on `stream`: what ours accepts, the reference decodes to the same bytes.
fn agree(method: u16, stream: &[u8], size: u64, flags: u16) -> bool {
    let mut d = for_method(method, size, flags).unwrap();
    let ours = run(d.as_mut(), stream, 4093, 8191).ok().filter(|o| o.len() as u64 == size || flags & LZMA_EOS != 0);
    match ours {
        None => true, // stricter than the reference is allowed
        Some(ours) => reference(method, stream, size, flags).is_some_and(|r| r == ours),
    }
}

#[test]
fn differential_against_a_second_implementation() {
    let data: Vec<u8> = text().into_iter().take(20_000).collect();
    let size = data.len() as u64;
    for (method, flags, stream) in [(LZMA, LZMA_EOS, lzma_zip(&data)), (XZ, 0, xzed(&data)), (ZSTD, 0, zstded(&data))] {
        assert!(agree(method, &stream, size, flags), "method {method} on a valid stream");
        assert_eq!(reference(method, &stream, size, flags).as_deref(), Some(&data[..]));
        for (i, m) in mutants(&stream, 400, u64::from(method) * 7919).iter().enumerate() {
            assert!(agree(method, m, size, flags), "method {method}, mutant {i} is accepted by ours only");
        }
    }
}
