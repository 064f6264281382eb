//! LZMA (method 14) and XZ (method 95) through liblzma.
//!
//! APPNOTE 5.8.8: an LZMA entry starts with a 4-byte header (the LZMA SDK's version, 2 bytes; the size of
//! the properties, 2 bytes, always 5), then the 5 bytes of LZMA properties (lc/lp/pb, dictionary size),
//! then the raw stream, which has an end-of-stream marker when general purpose bit 1 is set and otherwise
//! ends after the entry's uncompressed size. That is the `.lzma` ("alone") format with the properties
//! moved and the size taken from the directory, so liblzma's alone decoder reads it once it is given the
//! 13-byte header it expects.

use liblzma::stream::{Action, Error, Status, Stream};

use super::{DecodeError, Decoder, Progress, MAX_DECODER_MEMORY};

/// APPNOTE 5.8.8: version (2), properties size (2), properties (5).
const ZIP_HEADER: usize = 9;
/// 4.4.4 bit 1 for method 14: the stream ends with an end-of-stream marker.
const FLAG_EOS: u16 = 1 << 1;

fn step(stream: &mut Stream, input: &[u8], output: &mut [u8], last: bool, what: &str) -> Result<Progress, DecodeError> {
    let (in_before, out_before) = (stream.total_in(), stream.total_out());
    let action = if last { Action::Finish } else { Action::Run };
    let status = stream.process(input, output, action);
    let used = (stream.total_in() - in_before) as usize;
    let made = (stream.total_out() - out_before) as usize;
    match status {
        Ok(status) => Ok(Progress { used, made, ended: status == Status::StreamEnd }),
        Err(Error::MemLimit | Error::Mem) => Err(DecodeError::Memory),
        Err(err) => Err(DecodeError::Corrupt(format!("the {what} stream is invalid: {err}"))),
    }
}

pub struct Lzma {
    /// The ZIP header while it is being read; `None` once the stream started.
    header: Option<Vec<u8>>,
    uncompressed_size: u64,
    eos_marker: bool,
    stream: Option<Stream>,
    /// The `.lzma` header not yet taken by the decoder (it takes input only with room for output).
    pending: Vec<u8>,
}

impl Lzma {
    pub fn new(uncompressed_size: u64, bit_flags: u16) -> Lzma {
        Lzma {
            header: Some(Vec::with_capacity(ZIP_HEADER)),
            uncompressed_size,
            eos_marker: bit_flags & FLAG_EOS != 0,
            stream: None,
            pending: Vec::new(),
        }
    }

    /// The alone decoder, fed the `.lzma` header made of the ZIP header's properties and the size.
    fn start(&mut self, header: &[u8]) -> Result<(), DecodeError> {
        if u16::from_le_bytes([header[2], header[3]]) != 5 {
            return Err(DecodeError::Corrupt("the LZMA header does not hold 5 bytes of properties".into()));
        }
        let stream = Stream::new_lzma_decoder(MAX_DECODER_MEMORY)
            .map_err(|err| DecodeError::Corrupt(format!("the LZMA decoder could not start: {err}")))?;
        let size = if self.eos_marker { u64::MAX } else { self.uncompressed_size };
        self.pending = header[4..9].to_vec();
        self.pending.extend_from_slice(&size.to_le_bytes());
        self.stream = Some(stream);
        Ok(())
    }
}

impl Decoder for Lzma {
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError> {
        let mut used = 0;
        if let Some(header) = self.header.as_mut() {
            used = (ZIP_HEADER - header.len()).min(input.len());
            header.extend_from_slice(&input[..used]);
            if header.len() < ZIP_HEADER {
                return Ok(Progress { used, made: 0, ended: false });
            }
            let header = self.header.take().unwrap_or_default();
            self.start(&header)?;
        }
        let stream = self.stream.as_mut().expect("started above");
        if !self.pending.is_empty() {
            let p = step(stream, &self.pending, output, false, "LZMA")?;
            self.pending.drain(..p.used);
            return Ok(Progress { used, ..p });
        }
        let p = step(stream, &input[used..], output, last, "LZMA")?;
        Ok(Progress { used: used + p.used, ..p })
    }
}

pub struct Xz(Option<Stream>);

impl Xz {
    pub fn new() -> Xz {
        Xz(None)
    }
}

impl Decoder for Xz {
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError> {
        if self.0.is_none() {
            let stream = Stream::new_stream_decoder(MAX_DECODER_MEMORY, 0)
                .map_err(|err| DecodeError::Corrupt(format!("the XZ decoder could not start: {err}")))?;
            self.0 = Some(stream);
        }
        step(self.0.as_mut().expect("set above"), input, output, last, "XZ")
    }
}
