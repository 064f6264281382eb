//! The compression methods shipgate decodes, behind one streaming interface: stored bytes are read as
//! they are; deflate (8), Deflate64 (9), bzip2 (12), LZMA (14), Zstandard (93), XZ (95) and PPMd (98) are
//! decoded by well-kept crates (docs/zip.md, "Methods"). Every decoder works in bounded pieces, so the verifier's
//! checks (ratio, size, total, time) run between any two pieces whatever the method, and its memory is
//! bounded by [`MAX_DECODER_MEMORY`] (the dictionary or window a stream declares).
//!
//! Implode, shrink, reduce (PKZIP 1.x), LZ77 (IBM z/OS), WavPack and the rest of APPNOTE 4.4.5's list are not
//! decoded: such entries are reported (`zip.unsupported_method`) and not verified.

mod bzip2;
mod deflate;
mod deflate64;
mod lzma;
mod ppmd;
mod zstd;

pub use self::deflate::Deflate;

/// Memory one decoder may take for its dictionary or window. `7z -mx=9` (LZMA, 64 MiB dictionary), `xz -9`
/// (64 MiB) and `zstd --ultra -22` (128 MiB window) fit; a stream declaring more is reported rather than
/// decoded (`zip.decoder_memory_limit`), since two workers each holding one is the verifier's memory.
pub const MAX_DECODER_MEMORY: u64 = 192 << 20;

/// APPNOTE 4.4.5 method numbers.
pub const STORED: u16 = 0;
pub const DEFLATE: u16 = 8;
pub const DEFLATE64: u16 = 9;
pub const BZIP2: u16 = 12;
pub const LZMA: u16 = 14;
pub const ZSTD: u16 = 93;
pub const XZ: u16 = 95;
pub const PPMD: u16 = 98;

/// Whether entries of `method` can be verified.
pub fn supported(method: u16) -> bool {
    matches!(method, STORED | DEFLATE | DEFLATE64 | BZIP2 | LZMA | ZSTD | XZ | PPMD)
}

/// What one call to [`Decoder::decode`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Input bytes consumed.
    pub used: usize,
    /// Output bytes written.
    pub made: usize,
    /// The stream ended: no more output will come.
    pub ended: bool,
}

/// Why a stream cannot be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not a valid stream of the method (the decoder's own words).
    Corrupt(String),
    /// The stream declares a dictionary or window larger than [`MAX_DECODER_MEMORY`].
    Memory,
}

/// One entry's decoder, fed its compressed bytes in order.
pub trait Decoder {
    /// Decode from `input` into `output`. `last` says no input follows `input`.
    fn decode(&mut self, input: &[u8], output: &mut [u8], last: bool) -> Result<Progress, DecodeError>;
}

/// A fresh decoder for an entry of `method` (not stored, not deflate: the verifier reuses one deflate
/// decoder per worker). `uncompressed_size` is the declared size; `bit_flags` the entry's flags (LZMA's
/// end-of-stream marker bit).
pub fn for_method(method: u16, uncompressed_size: u64, bit_flags: u16) -> Option<Box<dyn Decoder>> {
    Some(match method {
        DEFLATE => Box::new(Deflate::new()),
        DEFLATE64 => Box::new(deflate64::Deflate64::new()),
        BZIP2 => Box::new(bzip2::Bzip2::new()),
        LZMA => Box::new(lzma::Lzma::new(uncompressed_size, bit_flags)),
        ZSTD => Box::new(zstd::Zstd::new()),
        XZ => Box::new(lzma::Xz::new()),
        PPMD => Box::new(ppmd::Ppmd::new()),
        _ => return None,
    })
}

/// The method's name as findings use it.
pub fn name(method: u16) -> &'static str {
    super::spec::method_name(method)
}

#[cfg(test)]
mod tests;
