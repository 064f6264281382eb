//! bzip2 (method 12) through the `bzip2` crate's pure-Rust libbz2 port (libbz2-rs-sys): its memory is
//! fixed (~3.5 MiB for 900 KiB blocks).

use bzip2::{Decompress, Status};

use super::{DecodeError, Decoder, Progress};

pub struct Bzip2(Decompress);

impl Bzip2 {
    pub fn new() -> Bzip2 {
        Bzip2(Decompress::new(false))
    }
}

impl Decoder for Bzip2 {
    fn decode(&mut self, input: &[u8], output: &mut [u8], _last: bool) -> Result<Progress, DecodeError> {
        let (in_before, out_before) = (self.0.total_in(), self.0.total_out());
        let status = self.0.decompress(input, output);
        let used = (self.0.total_in() - in_before) as usize;
        let made = (self.0.total_out() - out_before) as usize;
        match status {
            Ok(status) => Ok(Progress { used, made, ended: status == Status::StreamEnd }),
            Err(err) => Err(DecodeError::Corrupt(format!("the bzip2 stream is invalid: {err}"))),
        }
    }
}
