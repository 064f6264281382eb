//! Archives inside archives: a stored one is inspected where it lies, a decoded one from the bytes
//! [`super::check::EntryCheck`] collected, both as part of the same inspection (same limits, same budget).

use super::super::codes;
use super::super::decode::STORED;
use super::super::source::SubSource;
use super::super::spec::SIG_LOCAL;
use super::super::{inspect_nested, Entry, Report};
use super::entry::Context;
use super::{found, Outcome};
use crate::error::Result;

/// Names that are archives whatever their first bytes say.
const ARCHIVE_SUFFIXES: [&str; 7] = [".zip", ".jar", ".war", ".ear", ".apk", ".whl", ".nupkg"];

pub(super) fn is_archive_name(name: &str) -> bool {
    let name = name.as_bytes();
    ARCHIVE_SUFFIXES
        .iter()
        .any(|s| name.len() >= s.len() && name[name.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
}

/// Inspect `e` as an archive when its name or its first bytes say it is one (`head`), from `buffered`
/// when it was decoded; report other archive formats it is.
pub(super) fn inspect(ctx: &Context<'_>, e: &Entry, head: &[u8], buffered: Option<Vec<u8>>, out: &mut Outcome) -> Result<()> {
    let by_name = is_archive_name(&e.name);
    if !by_name && !head.starts_with(&SIG_LOCAL.to_le_bytes()) {
        if let Some(kind) = super::super::parser::sniff(head) {
            out.findings.push(found::nested_other_format(e, kind));
        }
        return Ok(());
    }
    let limits = &ctx.budget.limits;
    let path = format!("{}{}!", ctx.prefix, e.name);
    if ctx.depth + 1 > limits.max_depth {
        out.findings.push(found::too_deep(e, limits.max_depth));
        return Ok(());
    }
    let nested = if e.method == STORED {
        let sub = SubSource { inner: ctx.source, start: e.data_offset, len: e.compressed_size };
        inspect_nested(&sub, ctx.options, ctx.budget, ctx.depth + 1, &path)?
    } else if let Some(buf) = buffered {
        inspect_nested(&buf.as_slice(), ctx.options, ctx.budget, ctx.depth + 1, &path)?
    } else {
        out.findings.push(found::nested_too_large(e));
        return Ok(());
    };
    report(out, nested, ctx.prefix, by_name);
    Ok(())
}

/// Findings of a nested archive, paths relative to the caller's prefix (it adds its own). An entry that
/// only starts with a local-header signature but is no archive (CVE-2024-0450's "quoted" data) is data.
fn report(out: &mut Outcome, nested: Report, prefix: &str, named_archive: bool) {
    if !named_archive && nested.findings.iter().any(|f| f.code == codes::NOT_A_ZIP.name) {
        return;
    }
    out.findings.extend(nested.findings.into_iter().map(|mut f| {
        f.path = f.path.strip_prefix(prefix).map(str::to_owned).unwrap_or(f.path);
        f
    }));
}
