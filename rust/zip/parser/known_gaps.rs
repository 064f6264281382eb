//! Bytes outside every entry that mainstream writers put there by design, and every ZIP reader skips: they
//! are not reported as belonging to no entry. The gap is still scanned for ZIP signatures like any other.
//!
//! - The split-archive signature (APPNOTE 8.5.3, `PK\x07\x08`) or the temporary spanning marker (8.5.4,
//!   `PK00`) as the whole of the 4 bytes before the first entry: Info-ZIP's `zip -s` writes it at the start
//!   of every split archive, also one that fits in a single piece, with offsets counting from the file's
//!   start.
//! - Android's APK Signing Block (APK Signature Scheme v2 and later) as the whole of the gap between the last
//!   entry and the central directory, after zeros that align it: `apksigner` writes it there, and every
//!   installer and ZIP reader finds the entries through the directory.

use super::super::spec::SIG_DESCRIPTOR;

/// `PK00`, the temporary spanning marker (APPNOTE 8.5.4).
const SIG_SPANNING_MARKER: u32 = 0x3030_4b50;
/// The last 16 bytes of an APK Signing Block.
const APK_SIG_BLOCK_MAGIC: &[u8; 16] = b"APK Sig Block 42";

/// Whether the gap `data` (all of it), starting at `start` and ending at the central directory when
/// `before_directory`, is one of the structures above.
pub(super) fn by_design(start: u64, before_directory: bool, data: &[u8]) -> bool {
    (start == 0 && split_signature(data)) || (start > 0 && before_directory && apk_signing_block(data))
}

fn split_signature(data: &[u8]) -> bool {
    data.len() == 4 && [SIG_DESCRIPTOR, SIG_SPANNING_MARKER].contains(&u32::from_le_bytes([data[0], data[1], data[2], data[3]]))
}

/// Zeros, then `size` (u64), ID-value pairs each prefixed by its u64 length (a u32 ID then the value),
/// `size` again and the magic, where `size` counts everything after the first field: the pairs exactly
/// fill the block.
fn apk_signing_block(data: &[u8]) -> bool {
    let Some(tail) = data.len().checked_sub(24) else { return false };
    if &data[tail + 8..] != APK_SIG_BLOCK_MAGIC {
        return false;
    }
    let size = u64_at(data, tail);
    let Some(block_start) = u64::try_from(data.len()).ok().and_then(|len| len.checked_sub(size)).and_then(|s| s.checked_sub(8)) else {
        return false;
    };
    let block_start = block_start as usize;
    if u64_at(data, block_start) != size || data[..block_start].iter().any(|&b| b != 0) {
        return false;
    }
    let mut at = block_start + 8;
    while at < tail {
        // a pair's length field and value must fit before the block's closing size: never past `tail`
        let Some(room) = (tail - at).checked_sub(8) else { return false };
        let len = u64_at(data, at);
        if len < 4 || len > room as u64 {
            return false;
        }
        at += 8 + len as usize;
    }
    at == tail
}

fn u64_at(data: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_field_cut_by_the_block_end_is_not_a_block() {
        // 4 bytes between the first field and the closing size: too short for a pair's length field
        let size = 28u64;
        let mut out = size.to_le_bytes().to_vec();
        out.extend([1u8, 0, 0, 0]);
        out.extend(size.to_le_bytes());
        out.extend(APK_SIG_BLOCK_MAGIC);
        assert!(!apk_signing_block(&out));
    }

    fn block(pairs: &[(u32, &[u8])], padding: usize) -> Vec<u8> {
        let body: Vec<u8> = pairs
            .iter()
            .flat_map(|(id, value)| {
                let mut pair = ((value.len() + 4) as u64).to_le_bytes().to_vec();
                pair.extend(id.to_le_bytes());
                pair.extend(*value);
                pair
            })
            .collect();
        let size = (body.len() + 24) as u64;
        let mut out = vec![0u8; padding];
        out.extend(size.to_le_bytes());
        out.extend(body);
        out.extend(size.to_le_bytes());
        out.extend(APK_SIG_BLOCK_MAGIC);
        out
    }

    #[test]
    fn apk_signing_blocks_as_apksigner_writes_them() {
        let v2v3 = block(&[(0x7109_871a, &[7; 1391]), (0xf053_68c0, &[9; 1391]), (0x4272_6577, &[0; 1258])], 2790);
        assert!(by_design(1_164_570, true, &v2v3));
        assert!(by_design(10, true, &block(&[(0x7109_871a, b"signer")], 0)));
        assert!(!by_design(10, false, &v2v3), "only before the central directory");
        assert!(!by_design(0, true, &v2v3), "not as the whole archive before the directory");
    }

    #[test]
    fn anything_else_in_the_gap_is_not_a_signing_block() {
        let good = block(&[(0x7109_871a, b"signer")], 16);
        let mut padded_with_data = good.clone();
        padded_with_data[3] = 1;
        let mut pair_too_long = good.clone();
        pair_too_long[16 + 8] += 1;
        let mut sizes_differ = good.clone();
        sizes_differ[16] += 1;
        let mut short_pair = block(&[(0x7109_871a, b"")], 0);
        short_pair[8] = 3;
        for bad in [padded_with_data, pair_too_long, sizes_differ, short_pair, good[..good.len() - 1].to_vec(), vec![0; 23]] {
            assert!(!by_design(10, true, &bad), "{bad:?}");
        }
        let huge_size: Vec<u8> = [u64::MAX.to_le_bytes().as_slice(), u64::MAX.to_le_bytes().as_slice(), APK_SIG_BLOCK_MAGIC].concat();
        assert!(!by_design(10, true, &huge_size));
    }

    #[test]
    fn split_signature_before_the_first_entry() {
        assert!(by_design(0, false, b"PK\x07\x08"));
        assert!(by_design(0, false, b"PK00"));
        assert!(!by_design(0, false, b"PK\x07\x08\0"), "exactly the 4 bytes");
        assert!(!by_design(4, false, b"PK\x07\x08"), "only at the start");
        assert!(!by_design(0, false, b"MZ\0\0"));
    }
}
