//! PPMd (method 98, PPMd variant I rev. 1 as APPNOTE 5.10 has it: what 7-Zip writes with `-mm=PPMd`) through
//! the `ppmd-rust` crate, a port of 7-Zip's own decoder.
//!
//! The entry starts with a 2-byte little-endian word: bits 0-3 the model order minus 1, bits 4-11 the model's
//! memory in MiB minus 1, bits 12-15 the restore method; the range-coded stream follows, ending with the end
//! mark 7-Zip writes (and 7-Zip requires: a stream that runs out before it is corrupt, whatever it decoded). The crate's decoder pulls its input one byte at a time from a reader and cannot be
//! suspended in the middle of a symbol, so the bytes it is fed are kept in [`Feed`] and it is asked for output
//! only while at least [`MARGIN`] of them are unread (or all input is in): one symbol takes at most a few bytes
//! per context level, far below the margin for the [`SYMBOLS_PER_READ`] symbols of one read.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ppmd_rust::{Ppmd8Decoder, RestoreMethod, PPMD8_MAX_ORDER, PPMD8_MIN_ORDER};

use super::{DecodeError, Decoder, Progress, MAX_DECODER_MEMORY};

/// The 2-byte parameter word before the stream.
const HEADER: usize = 2;
/// Unread input kept ahead of the decoder while more may come.
const MARGIN: usize = 64 << 10;
/// Symbols asked for per read: 16 context levels × 5 bytes each, times this, stays under [`MARGIN`].
const SYMBOLS_PER_READ: usize = 512;

/// The compressed bytes taken so far, read by the decoder from `pos`.
struct Feed {
    bytes: Vec<u8>,
    pos: usize,
    /// The decoder asked for a byte after the last one: the stream ended before its end mark.
    starved: bool,
}

impl Feed {
    fn unread(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// Appends `input`, first dropping what the decoder has read.
    fn push(&mut self, input: &[u8]) {
        if self.pos > 0 {
            self.bytes.drain(..self.pos);
            self.pos = 0;
        }
        self.bytes.extend_from_slice(input);
    }
}

impl Read for Feed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.unread());
        self.starved |= n < buf.len();
        buf[..n].copy_from_slice(&self.bytes[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The model's parameters from the header word, or why they cannot be used.
fn parameters(word: u16) -> Result<(u32, u32, RestoreMethod), DecodeError> {
    let order = u32::from(word & 0x0f) + 1;
    let mem_mib = u64::from((word >> 4) & 0xff) + 1;
    let restore = word >> 12;
    if !(PPMD8_MIN_ORDER..=PPMD8_MAX_ORDER).contains(&order) {
        return Err(DecodeError::Corrupt(format!("the PPMd header declares model order {order}, below 2")));
    }
    if restore > 1 {
        return Err(DecodeError::Corrupt(format!("the PPMd header declares restore method {restore}, not 0 or 1")));
    }
    if mem_mib << 20 > MAX_DECODER_MEMORY {
        return Err(DecodeError::Memory);
    }
    let method = if restore == 0 { RestoreMethod::Restart } else { RestoreMethod::CutOff };
    Ok((order, (mem_mib << 20) as u32, method))
}

pub struct Ppmd {
    /// The header and the range coder's first bytes while they are gathered; empty once the decoder runs.
    start: Vec<u8>,
    decoder: Option<Ppmd8Decoder<Feed>>,
    ended: bool,
}

impl Ppmd {
    pub fn new() -> Ppmd {
        Ppmd { start: Vec::with_capacity(HEADER + 4), decoder: None, ended: false }
    }

    /// Gathers the header and the 4 bytes the range coder starts from; the decoder once they are in.
    fn begin(&mut self, input: &[u8], last: bool) -> Result<usize, DecodeError> {
        let want = (HEADER + 4 - self.start.len()).min(input.len());
        self.start.extend_from_slice(&input[..want]);
        if self.start.len() < HEADER + 4 {
            return if last { Err(DecodeError::Corrupt("the PPMd stream ends inside its header".into())) } else { Ok(want) };
        }
        let (order, memory, restore) = parameters(u16::from_le_bytes([self.start[0], self.start[1]]))?;
        let feed = Feed { bytes: self.start.split_off(HEADER), pos: 0, starved: false };
        let decoder = guarded(|| Ppmd8Decoder::new(feed, order, memory, restore).map_err(|e| format!("{e:?}")))?
            .map_err(|e| DecodeError::Corrupt(format!("the PPMd decoder could not start: {e}")))?;
        self.decoder = Some(decoder);
        Ok(want)
    }
}

/// Runs a step of the decoder, a port of C code, turning a panic on a hostile stream into a finding.
fn guarded<T>(step: impl FnOnce() -> T) -> Result<T, DecodeError> {
    catch_unwind(AssertUnwindSafe(step)).map_err(|_| DecodeError::Corrupt("the PPMd stream is invalid (the decoder stopped on it)".into()))
}

impl Decoder for Ppmd {
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError> {
        if self.ended {
            return Ok(Progress { used: 0, made: 0, ended: true });
        }
        let mut used = 0;
        if self.decoder.is_none() {
            used = self.begin(input, last)?;
            if self.decoder.is_none() {
                return Ok(Progress { used, made: 0, ended: false });
            }
        }
        let decoder = self.decoder.as_mut().expect("started above");
        if decoder.get_ref().unread() < 2 * MARGIN {
            decoder.get_mut().push(&input[used..]);
            used = input.len();
        }
        let all_in = last && used == input.len();
        let mut made = 0;
        while made < output.len() && (all_in || decoder.get_ref().unread() >= MARGIN) {
            let end = (made + SYMBOLS_PER_READ).min(output.len());
            let n = guarded(|| decoder.read(&mut output[made..end]))?
                .map_err(|e| DecodeError::Corrupt(format!("the PPMd stream is invalid: {e}")))?;
            if n == 0 {
                if decoder.get_ref().starved {
                    return Err(DecodeError::Corrupt("the PPMd stream ends before its end mark".into()));
                }
                self.ended = true;
                break;
            }
            made += n;
        }
        Ok(Progress { used, made, ended: self.ended })
    }
}
