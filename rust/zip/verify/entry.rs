//! Verifying one entry, in steps: take the spool walk's record, or read the stored bytes, or decode
//! them (both through one read helper, [`Input`]); then finish (size, CRC-32, digests) and inspect a
//! nested archive. Every decoded piece goes through [`EntryCheck`].

use super::super::decode::{self, DecodeError, Decoder, Progress, DEFLATE, MAX_DECODER_MEMORY, STORED};
use super::super::source::Source;
use super::super::{Entry, Options};
use super::check::{Checked, EntryCheck};
use super::read::{Chunk, Input};
use super::{found, nested, Budget, Outcome, Scratch, MAX_SYMLINK_TARGET, NESTED_BUFFER_MAX};
use crate::error::Result;

/// What stays the same for every entry of one archive.
pub(super) struct Context<'a> {
    pub(super) source: &'a dyn Source,
    pub(super) entries: &'a [Entry],
    pub(super) options: &'a Options,
    pub(super) budget: &'a Budget,
    pub(super) depth: u32,
    /// `outer.zip!` for the entries of a nested archive.
    pub(super) prefix: &'a str,
}

/// How reading an entry's bytes ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// Every byte was taken.
    Complete,
    /// A check stopped it (its finding is in the check) or the data is corrupt.
    Stopped,
    /// The file ends before the data does.
    Truncated,
}

/// Verify entry `index`; the report is untouched (see [`super::apply`]).
pub(super) fn verify_one(ctx: &Context<'_>, index: usize, scratch: &mut Scratch) -> Result<Outcome> {
    let e = &ctx.entries[index];
    let mut out = Outcome { index, ..Outcome::default() };
    if ctx.budget.stopped() {
        return Ok(out);
    }
    let Scratch { inbuf, outbuf, deflate, ahead, head } = scratch;
    let collect = e.method != STORED && e.uncompressed_size <= NESTED_BUFFER_MAX && ctx.depth < ctx.budget.limits.max_depth;
    let mut check = EntryCheck::new(e, ctx.options, ctx.budget, head, collect, nested::is_archive_name(&e.name))?;
    let mut input = Input::new(ctx.source, e.data_offset, e.compressed_size);
    let mut other: Option<Box<dyn Decoder>> = None;
    let ended = match streamed_record(ctx, e) {
        Some(record) => {
            check.take_record(record);
            if check.wants_flags() {
                scan_stored_flags(&mut input, ahead, inbuf, &mut check)?;
            }
            Ended::Complete
        }
        None if e.method == STORED => read_stored(&mut input, ahead, inbuf, &mut check)?,
        None => {
            let decoder: &mut dyn Decoder = if e.method == DEFLATE {
                deflate.reset();
                deflate
            } else {
                let fresh = decode::for_method(e.method, e.uncompressed_size, e.bit_flags);
                other.insert(fresh.expect("the parser admits only the methods decode supports")).as_mut()
            };
            decode_all(e, decoder, &mut input, ahead, inbuf, outbuf, &mut check)?
        }
    };
    let checked = check.finish();
    finish(ctx, e, checked, ended, head, &mut out)?;
    Ok(out)
}

/// The record of the spool's walk for `e`, when one covers exactly its data (top-level archive only).
fn streamed_record(ctx: &Context<'_>, e: &Entry) -> Option<crate::zip::StreamedEntry> {
    let streamed = ctx.options.streamed.as_ref().filter(|_| ctx.depth == 0)?;
    streamed.get(e, &ctx.options.digests).filter(|r| ctx.budget.admits(r.size))
}

/// A recorded entry whose strings are wanted but could not be taken from its record (the inspection's total
/// of strings would not admit them all) is read again for them alone (its CRC-32 and digests stay the
/// record's). The bytes were verified as they streamed in, so a short read here only shortens the strings
/// found.
fn scan_stored_flags(input: &mut Input<'_>, ahead: &mut super::read::ReadAhead, inbuf: &mut [u8], check: &mut EntryCheck<'_>) -> Result<()> {
    while let Chunk::Data(n) = input.next(ahead, inbuf)? {
        check.scan_flags(&inbuf[..n]);
    }
    Ok(())
}

/// A stored entry's bytes, piece by piece.
fn read_stored(input: &mut Input<'_>, ahead: &mut super::read::ReadAhead, inbuf: &mut [u8], check: &mut EntryCheck<'_>) -> Result<Ended> {
    let mut consumed = 0u64;
    loop {
        match input.next(ahead, inbuf)? {
            Chunk::End => return Ok(Ended::Complete),
            Chunk::Truncated => return Ok(Ended::Truncated),
            Chunk::Data(n) => {
                consumed += n as u64;
                if !check.take(&inbuf[..n], consumed) {
                    return Ok(Ended::Stopped);
                }
            }
        }
    }
}

/// A compressed entry's bytes through `decoder`, piece by piece. A stream that ends before the entry's
/// compressed size leaves bytes no extractor reads (reported, medium).
fn decode_all(
    e: &Entry,
    decoder: &mut dyn Decoder,
    input: &mut Input<'_>,
    ahead: &mut super::read::ReadAhead,
    inbuf: &mut [u8],
    outbuf: &mut [u8],
    check: &mut EntryCheck<'_>,
) -> Result<Ended> {
    let (mut start, mut end) = (0usize, 0usize);
    let mut consumed = 0u64;
    loop {
        if start == end && !input.done() {
            match input.next(ahead, inbuf)? {
                Chunk::Data(n) => (start, end) = (0, n),
                Chunk::Truncated => return Ok(Ended::Truncated),
                Chunk::End => {}
            }
        }
        let last = input.done();
        let p: Progress = match decoder.decode(&inbuf[start..end], outbuf, last) {
            Ok(p) => p,
            Err(DecodeError::Corrupt(message)) => {
                check.findings.push(found::corrupt(e, message, check.produced()));
                return Ok(Ended::Stopped);
            }
            Err(DecodeError::Memory) => {
                check.findings.push(found::decoder_memory(e, MAX_DECODER_MEMORY));
                return Ok(Ended::Stopped);
            }
        };
        start += p.used;
        consumed += p.used as u64;
        if p.made > 0 && !check.take(&outbuf[..p.made], consumed) {
            return Ok(Ended::Stopped);
        }
        if p.ended {
            break;
        }
        if p.used == 0 && p.made == 0 && start == end && last {
            return Ok(Ended::Truncated);
        }
        if p.made == 0 && check.out_of_time() {
            return Ok(Ended::Stopped);
        }
    }
    if consumed < e.compressed_size {
        check.findings.push(found::ends_early(e, consumed));
    }
    Ok(Ended::Complete)
}

/// Size, CRC-32 and digests of a complete entry, its symlink target, and a nested archive in it.
fn finish(ctx: &Context<'_>, e: &Entry, checked: Checked, ended: Ended, head: &[u8], out: &mut Outcome) -> Result<()> {
    let Checked { produced, findings, crc32, digests, flags, nested: buffered } = checked;
    out.findings = findings;
    out.bytes = produced;
    match ended {
        Ended::Truncated => {
            out.findings.push(found::truncated(e, produced));
            return Ok(());
        }
        Ended::Stopped => return Ok(()),
        Ended::Complete => {}
    }
    if produced != e.uncompressed_size {
        out.findings.push(found::size_mismatch(e, produced));
        return Ok(());
    }
    if crc32 != e.crc32 {
        out.findings.push(found::crc_mismatch(e, crc32));
        return Ok(());
    }
    out.verified = true;
    out.digests = digests;
    out.flags = flags;
    if e.is_symlink && produced <= MAX_SYMLINK_TARGET {
        out.symlink_target = Some(String::from_utf8_lossy(head).into_owned());
    }
    nested::inspect(ctx, e, head, buffered, out)
}
