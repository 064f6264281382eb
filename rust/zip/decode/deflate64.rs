//! Deflate64 (method 9, "enhanced deflate": a 64 KiB window and longer matches), what Windows Explorer and
//! 7-Zip write for large archives, through the `deflate64` crate (a port of .NET's inflater).

use deflate64::InflaterManaged;

use super::{DecodeError, Decoder, Progress};

pub struct Deflate64(Box<InflaterManaged>);

impl Deflate64 {
    pub fn new() -> Deflate64 {
        Deflate64(Box::new(InflaterManaged::new()))
    }
}

impl Decoder for Deflate64 {
    fn decode(&mut self, input: &[u8], output: &mut [u8], _last: bool) -> Result<Progress, DecodeError> {
        let r = self.0.inflate(input, output);
        if self.0.errored() {
            return Err(DecodeError::Corrupt("the Deflate64 stream is invalid".into()));
        }
        Ok(Progress {
            used: r.bytes_consumed,
            made: r.bytes_written,
            ended: self.0.finished(),
        })
    }
}
