//! Deflate (method 8) through flate2's zlib-rs backend: the inflater Python's zipfile and most extractors
//! share the strictness of (a lenient inflater once accepted a stream zlib rejects: rust/zip/tests.rs).

use flate2::{Decompress, FlushDecompress, Status};

use super::{DecodeError, Decoder, Progress};

pub struct Deflate(Decompress);

impl Deflate {
    pub fn new() -> Deflate {
        Deflate(Decompress::new(false))
    }

    /// Ready for the next entry, keeping the window's allocation.
    pub fn reset(&mut self) {
        self.0.reset(false);
    }
}

impl Default for Deflate {
    fn default() -> Deflate {
        Deflate::new()
    }
}

impl Decoder for Deflate {
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError> {
        let flush = if last { FlushDecompress::Finish } else { FlushDecompress::None };
        let (in_before, out_before) = (self.0.total_in(), self.0.total_out());
        let status = self.0.decompress(input, output, flush);
        let used = (self.0.total_in() - in_before) as usize;
        let made = (self.0.total_out() - out_before) as usize;
        match status {
            Ok(status) => Ok(Progress { used, made, ended: status == Status::StreamEnd }),
            Err(err) => Err(DecodeError::Corrupt(format!("the deflate stream is invalid: {err}"))),
        }
    }
}
