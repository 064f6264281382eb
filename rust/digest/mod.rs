//! Multi-digest hashing: any subset of BLAKE3, SHA-256 and SHA-512 over one stream, one pass per buffer.
//!
//! When several algorithms are asked for and a buffer is large enough to amortise the fork, each runs on
//! its own rayon worker (`rayon::join`), so two digests cost about as much as the slowest one alone.
//! BLAKE3 uses its own multithreaded path on large buffers, as `b3sum` does. SHA-256 and SHA-512 come
//! from the `sha2` crate, which detects and uses the CPU's SHA extensions at run time.

mod file;

pub use file::{hash_path, hash_reader, Progress};

use std::fmt;
use std::str::FromStr;

use sha2::{Digest as _, Sha256, Sha512};

use crate::error::{Error, Result};

/// Below this, `rayon::join` costs more than hashing the buffer on one thread.
const PARALLEL_MIN: usize = 64 * 1024;
/// BLAKE3's multithreaded update pays off above ~128 KiB (the threshold `b3sum` uses).
const BLAKE3_RAYON_MIN: usize = 128 * 1024;

/// A digest algorithm shipgate computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    Sha256,
    Sha512,
    Blake3,
}

impl Algorithm {
    pub const ALL: [Algorithm; 3] = [Algorithm::Sha256, Algorithm::Sha512, Algorithm::Blake3];

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha512 => "sha512",
            Algorithm::Blake3 => "blake3",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "").as_str() {
            "sha256" => Ok(Algorithm::Sha256),
            "sha512" => Ok(Algorithm::Sha512),
            "blake3" | "b3" => Ok(Algorithm::Blake3),
            _ => Err(Error::Unsupported { what: "digest algorithm", name: s.to_owned() }),
        }
    }
}

/// One in-progress computation of several digests over the same bytes.
#[derive(Clone)]
pub struct MultiDigest {
    sha256: Option<Sha256>,
    sha512: Option<Sha512>,
    blake3: Option<blake3::Hasher>,
    bytes_hashed: u64,
}

impl MultiDigest {
    /// A digest of each algorithm in `algorithms` (duplicates are ignored). An empty set is an error:
    /// a hash of nothing is never what a caller meant.
    pub fn new(algorithms: &[Algorithm]) -> Result<Self> {
        if algorithms.is_empty() {
            return Err(Error::Unsupported { what: "digest algorithm set", name: "(empty)".into() });
        }
        let has = |a| algorithms.contains(&a);
        Ok(MultiDigest {
            sha256: has(Algorithm::Sha256).then(Sha256::new),
            sha512: has(Algorithm::Sha512).then(Sha512::new),
            blake3: has(Algorithm::Blake3).then(blake3::Hasher::new),
            bytes_hashed: 0,
        })
    }

    /// Parse a comma-separated list such as `"sha256,blake3"`.
    pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<Self> {
        let algorithms = names.iter().map(|n| n.as_ref().parse()).collect::<Result<Vec<Algorithm>>>()?;
        Self::new(&algorithms)
    }

    /// The algorithms in a stable order (sha256, sha512, blake3).
    pub fn algorithms(&self) -> Vec<Algorithm> {
        let mut out = Vec::with_capacity(3);
        if self.sha256.is_some() {
            out.push(Algorithm::Sha256);
        }
        if self.sha512.is_some() {
            out.push(Algorithm::Sha512);
        }
        if self.blake3.is_some() {
            out.push(Algorithm::Blake3);
        }
        out
    }

    pub fn bytes_hashed(&self) -> u64 {
        self.bytes_hashed
    }

    /// Feed `data` to every algorithm.
    pub fn update(&mut self, data: &[u8]) {
        self.bytes_hashed += data.len() as u64;
        let big = data.len() >= PARALLEL_MIN;
        let MultiDigest { sha256, sha512, blake3, .. } = self;
        let count = sha256.is_some() as u8 + sha512.is_some() as u8 + blake3.is_some() as u8;
        if count > 1 && big {
            // The slowest hash (SHA-2) takes one worker; BLAKE3 spreads over whatever is left.
            rayon::join(
                || {
                    rayon::join(
                        || update_sha(sha256.as_mut(), data),
                        || update_sha(sha512.as_mut(), data),
                    )
                },
                || update_blake3(blake3.as_mut(), data),
            );
        } else {
            update_sha(sha256.as_mut(), data);
            update_sha(sha512.as_mut(), data);
            update_blake3(blake3.as_mut(), data);
        }
    }

    /// The hexadecimal digests, in the order of [`MultiDigest::algorithms`]. The state is not consumed,
    /// so more data may follow (as with `hashlib`'s `hexdigest()`).
    pub fn hexdigests(&self) -> Vec<(Algorithm, String)> {
        let mut out = Vec::with_capacity(3);
        if let Some(h) = &self.sha256 {
            out.push((Algorithm::Sha256, hex::encode(h.clone().finalize())));
        }
        if let Some(h) = &self.sha512 {
            out.push((Algorithm::Sha512, hex::encode(h.clone().finalize())));
        }
        if let Some(h) = &self.blake3 {
            out.push((Algorithm::Blake3, h.finalize().to_hex().to_string()));
        }
        out
    }
}

fn update_sha<D: sha2::Digest>(hasher: Option<&mut D>, data: &[u8]) {
    if let Some(h) = hasher {
        h.update(data);
    }
}

fn update_blake3(hasher: Option<&mut blake3::Hasher>, data: &[u8]) {
    if let Some(h) = hasher {
        if data.len() >= BLAKE3_RAYON_MIN {
            h.update_rayon(data);
        } else {
            h.update(data);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Known answers from FIPS 180-4 examples and the BLAKE3 reference implementation.
    const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const EMPTY_BLAKE3: &str = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
    const ABC_SHA512: &str = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
                              2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    #[test]
    fn known_answers() {
        let d = MultiDigest::new(&Algorithm::ALL).unwrap();
        let hex: Vec<_> = d.hexdigests();
        assert_eq!(hex[0], (Algorithm::Sha256, EMPTY_SHA256.to_string()));
        assert_eq!(hex[2], (Algorithm::Blake3, EMPTY_BLAKE3.to_string()));
        let mut d = MultiDigest::new(&[Algorithm::Sha512]).unwrap();
        d.update(b"abc");
        assert_eq!(d.hexdigests(), vec![(Algorithm::Sha512, ABC_SHA512.to_string())]);
    }

    #[test]
    fn parallel_path_equals_single_algorithm_digests() {
        let data: Vec<u8> = (0..3_000_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let mut all = MultiDigest::new(&Algorithm::ALL).unwrap();
        all.update(&data[..1]);
        all.update(&data[1..PARALLEL_MIN + 3]);
        all.update(&data[PARALLEL_MIN + 3..]);
        for (alg, hex) in all.hexdigests() {
            let mut one = MultiDigest::new(&[alg]).unwrap();
            for chunk in data.chunks(4096) {
                one.update(chunk);
            }
            assert_eq!(one.hexdigests(), vec![(alg, hex)], "{alg}");
        }
        assert_eq!(all.bytes_hashed(), data.len() as u64);
    }

    #[test]
    fn names_parse_and_reject() {
        assert!(MultiDigest::from_names(&["SHA-256", "b3"]).is_ok());
        assert!(matches!(MultiDigest::from_names(&["md5"]), Err(Error::Unsupported { .. })));
        assert!(MultiDigest::new(&[]).is_err());
    }
}
