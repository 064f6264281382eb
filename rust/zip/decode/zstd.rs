//! Zstandard (method 93) through libzstd (the `zstd` crate). A stream may hold several frames; the window
//! is bounded by [`WINDOW_LOG_MAX`] (libzstd's own default without `--long`, and within
//! [`super::MAX_DECODER_MEMORY`]).

use zstd::stream::raw::{DParameter, Decoder as Raw, InBuffer, Operation, OutBuffer};

use super::{DecodeError, Decoder, Progress};

/// 2^27 = 128 MiB: what `zstd --ultra -22` uses at most.
const WINDOW_LOG_MAX: u32 = 27;

pub struct Zstd {
    raw: Option<Raw<'static>>,
    /// The last call ended a frame (libzstd's hint 0) with nothing left over.
    frame_done: bool,
}

impl Zstd {
    pub fn new() -> Zstd {
        Zstd { raw: None, frame_done: false }
    }
}

impl Decoder for Zstd {
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError> {
        if self.raw.is_none() {
            let mut raw = Raw::new().map_err(|e| DecodeError::Corrupt(format!("the Zstandard decoder could not start: {e}")))?;
            raw.set_parameter(DParameter::WindowLogMax(WINDOW_LOG_MAX))
                .map_err(|e| DecodeError::Corrupt(format!("the Zstandard decoder could not start: {e}")))?;
            self.raw = Some(raw);
        }
        let raw = self.raw.as_mut().expect("set above");
        let mut src = InBuffer::around(input);
        let mut dst = OutBuffer::around(output);
        match raw.run(&mut src, &mut dst) {
            Ok(hint) => {
                let (used, made) = (src.pos(), dst.pos());
                if made > 0 || used > 0 {
                    self.frame_done = hint == 0;
                }
                // Ended: a frame is complete, all input is in, and the decoder has nothing more to flush
                // (a call that made no output after the last frame ended).
                let ended = self.frame_done && last && used == input.len() && made < output.len();
                Ok(Progress { used, made, ended })
            }
            Err(err) => {
                let text = err.to_string();
                if text.contains("Frame requires too much memory") {
                    Err(DecodeError::Memory)
                } else {
                    Err(DecodeError::Corrupt(format!("the Zstandard stream is invalid: {text}")))
                }
            }
        }
    }
}
