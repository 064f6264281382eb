//! Entry names as an extractor would turn them into paths: traversal, absolute and drive paths, control
//! characters, duplicates (exact, and after the normalisations file systems apply), special files and
//! symlinks that lead out of the extraction root.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization as _;

use super::codes;
use super::finding::{Finding, Severity};
use super::Entry;

const S_IFMT: u32 = 0o170_000;
const S_IFIFO: u32 = 0o010_000;
const S_IFCHR: u32 = 0o020_000;
const S_IFDIR: u32 = 0o040_000;
const S_IFBLK: u32 = 0o060_000;
const S_IFSOCK: u32 = 0o140_000;
const S_IFREG: u32 = 0o100_000;
const S_IFLNK: u32 = 0o120_000;
const S_ISUID: u32 = 0o4000;
const S_ISGID: u32 = 0o2000;

/// What extractors on case-insensitive, normalising file systems (Windows, macOS) would make of a name:
/// `\` as a separator, NFC, case folded, no trailing slash.
pub fn normalise(name: &str) -> String {
    if name.is_ascii() {
        // NFC and Unicode case folding are the identity / ASCII lowercase here: skip the iterators.
        let mut out = name.trim_end_matches(['/', '\\']).to_ascii_lowercase();
        if out.contains('\\') {
            out = out.replace('\\', "/");
        }
        return out;
    }
    name.replace('\\', "/")
        .nfc()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_end_matches('/')
        .to_owned()
}

/// Why `name` would land outside the extraction root, if it would.
pub fn escapes_root(name: &str) -> Option<&'static str> {
    let slashed = if name.contains('\\') {
        std::borrow::Cow::Owned(name.replace('\\', "/"))
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    if slashed.starts_with("//") {
        return Some("a UNC path");
    }
    if slashed.starts_with('/') {
        return Some("an absolute path");
    }
    let b = slashed.as_bytes();
    if b.len() >= 2 && b[1] == b':' && b[0].is_ascii_alphabetic() {
        return Some("a drive-letter path");
    }
    if slashed.split('/').any(|c| c == "..") {
        return Some("a path with a '..' component");
    }
    None
}

pub fn check(entries: &[Entry]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Sized once: growing two maps through 100,000 names rehashed every key about twice.
    let mut exact: HashMap<&[u8], usize> = HashMap::with_capacity(entries.len());
    let mut folded: HashMap<String, usize> = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let name = e.name.as_str();
        if name.is_empty() {
            findings.push(
                Finding::new(codes::PATH_INVALID, Severity::High, "", "an entry has an empty name").with("index", i),
            );
        }
        if let Some(why) = escapes_root(name) {
            findings.push(Finding::new(
                codes::PATH_TRAVERSAL,
                Severity::Critical,
                name,
                format!("the name is {why}: an extractor would write outside its target directory"),
            ));
        }
        if name.chars().any(|c| c.is_control()) {
            findings.push(Finding::new(
                codes::PATH_INVALID,
                Severity::High,
                name,
                "the name contains NUL or control characters; extractors truncate or reject it differently",
            ));
        } else if name.contains('\\') {
            findings.push(Finding::new(
                codes::PATH_BACKSLASH,
                Severity::High,
                name,
                "the name contains '\\': a directory separator on Windows, a plain character elsewhere",
            ));
        }
        if let Some(mode) = e.mode {
            findings.extend(mode_findings(e, mode));
        }
        if let Some(&first) = exact.get(e.raw_name.as_slice()) {
            let both_dirs = e.is_dir && entries[first].is_dir;
            let (sev, msg) = if both_dirs {
                (Severity::Low, "the directory is listed twice")
            } else {
                (
                    Severity::Critical,
                    "two entries have the same name: extractors keep different ones",
                )
            };
            findings.push(
                Finding::new(codes::DUPLICATE_NAME, sev, name, msg)
                    .with("first_index", first)
                    .with("index", i),
            );
        } else {
            exact.insert(e.raw_name.as_slice(), i);
            let key = normalise(name);
            if let Some(&first) = folded.get(&key) {
                if !(e.is_dir && entries[first].is_dir) {
                    findings.push(normalised_collision(&entries[first].name, name));
                }
            } else {
                folded.insert(key, i);
            }
        }
    }
    findings
}

/// Two names `normalise` folds together. When they differ only by case or Unicode composition, every reader
/// lists both and a case-sensitive file system (Linux) writes both: only a case-insensitive or normalising
/// one (Windows, macOS) makes one file of them — medium, a risk of the target. When they are the same path
/// on every file system (a file `x` beside a directory `x/`, or `a\b` beside `a/b` where `\` separates),
/// extractors everywhere must drop one — high.
fn normalised_collision(first: &str, name: &str) -> Finding {
    let plain = |n: &str| n.replace('\\', "/").trim_end_matches('/').to_owned();
    let (severity, message) = if plain(first) == plain(name) {
        (Severity::High, format!("'{first}' and this name are the same path: extractors keep one of them"))
    } else {
        (
            Severity::Medium,
            format!("'{first}' and this name are the same file on a case-insensitive or normalising file system"),
        )
    };
    Finding::new(codes::DUPLICATE_NAME_NORMALIZED, severity, name, message).with("other", first.to_owned())
}

/// What the Unix mode says about the entry, file type first: a type no file system has is its own finding;
/// device, FIFO and socket entries are special files; setuid and setgid matter on executable regular files
/// only (setgid on a directory makes new files inherit its group, harmless; on a file nobody may execute
/// it means nothing).
fn mode_findings(e: &Entry, mode: u32) -> Option<Finding> {
    let name = e.name.as_str();
    let kind = match mode & S_IFMT {
        S_IFIFO => Some("a FIFO"),
        S_IFCHR => Some("a character device"),
        S_IFBLK => Some("a block device"),
        S_IFSOCK => Some("a socket"),
        // No type bits at all (some writers store permissions only): a file or directory by its name.
        0 | S_IFREG | S_IFDIR | S_IFLNK => None,
        _ => {
            return Some(
                Finding::new(
                    codes::MODE_INVALID,
                    Severity::Low,
                    name,
                    format!("the Unix mode {mode:o} names no file type; extractors ignore it or apply it differently"),
                )
                .with("mode", format!("{mode:o}")),
            );
        }
    };
    if let Some(kind) = kind {
        // A FIFO with contents is what Info-ZIP records for data read from a pipe (`zip out.zip -`):
        // extractors write a regular file with those contents. Otherwise bsdtar (as root) makes the node.
        let (severity, message) = if mode & S_IFMT == S_IFIFO && e.uncompressed_size > 0 {
            (Severity::Low, format!("the entry is marked {kind} but has contents (data zip read from a pipe); extractors write a regular file"))
        } else {
            (Severity::High, format!("the entry is {kind}"))
        };
        return Some(Finding::new(codes::SPECIAL_FILE, severity, name, message).with("mode", format!("{mode:o}")));
    }
    let regular = matches!(mode & S_IFMT, S_IFREG) || (mode & S_IFMT == 0 && !e.is_dir);
    let setuid = mode & S_ISUID != 0 && mode & 0o111 != 0;
    let setgid = mode & S_ISGID != 0 && mode & 0o010 != 0;
    (regular && (setuid || setgid)).then(|| {
        let (bit, whose) = if setuid { ("setuid", "owner") } else { ("setgid", "group") };
        Finding::new(
            codes::SETUID,
            Severity::High,
            name,
            format!("the entry is an executable file with the {bit} bit: it runs with its {whose}'s privileges"),
        )
        .with("mode", format!("{mode:o}"))
    })
}

/// Symlink targets are known only after verification read them.
pub fn check_symlinks(entries: &[Entry], findings: &mut Vec<Finding>) {
    let mut links: Vec<&str> = Vec::new();
    for e in entries.iter().filter(|e| e.is_symlink) {
        links.push(e.name.trim_end_matches('/'));
        let Some(target) = &e.symlink_target else { continue };
        let escapes = resolves_outside(&e.name, target);
        let (sev, msg) = if escapes {
            (
                Severity::High,
                format!("symlink to '{target}' leads outside the extraction root"),
            )
        } else {
            (Severity::Low, format!("symlink to '{target}'"))
        };
        let code = if escapes { codes::SYMLINK_ESCAPE } else { codes::SYMLINK };
        findings.push(Finding::new(code, sev, &e.name, msg).with("target", target.clone()));
    }
    if links.is_empty() {
        return;
    }
    for e in entries {
        for link in &links {
            if e.name.len() > link.len() && e.name.starts_with(link) && e.name.as_bytes()[link.len()] == b'/' {
                findings.push(
                    Finding::new(
                        codes::PATH_THROUGH_SYMLINK,
                        Severity::Critical,
                        &e.name,
                        format!("the entry is written through the symlink '{link}'"),
                    )
                    .with("symlink", (*link).to_owned()),
                );
            }
        }
    }
}

/// Whether `target`, resolved from the directory of `link`, leaves the root.
fn resolves_outside(link: &str, target: &str) -> bool {
    if target.is_empty() || escapes_root(target).is_some_and(|why| why != "a path with a '..' component") {
        return !target.is_empty();
    }
    let mut depth: i64 = 0;
    let parent: Vec<&str> = link.split('/').filter(|c| !c.is_empty()).collect();
    for c in parent.iter().take(parent.len().saturating_sub(1)) {
        if *c == ".." {
            depth -= 1;
        } else if *c != "." {
            depth += 1;
        }
    }
    for c in target.replace('\\', "/").split('/') {
        match c {
            "" | "." => {}
            ".." => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => depth += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traversal_forms() {
        assert_eq!(escapes_root("../x"), Some("a path with a '..' component"));
        assert_eq!(escapes_root("a\\..\\..\\x"), Some("a path with a '..' component"));
        assert_eq!(escapes_root("/etc/passwd"), Some("an absolute path"));
        assert_eq!(escapes_root("C:/x"), Some("a drive-letter path"));
        assert_eq!(escapes_root("\\\\server\\share"), Some("a UNC path"));
        assert_eq!(escapes_root("a/..b/c"), None);
    }

    #[test]
    fn symlink_resolution() {
        assert!(resolves_outside("a/link", "../../x"));
        assert!(!resolves_outside("a/link", "../x"));
        assert!(resolves_outside("link", "/etc"));
        assert!(!resolves_outside("a/b/link", "c/d"));
    }

    #[test]
    fn normalisation_folds_case_separators_and_composition() {
        assert_eq!(normalise("A\\B/"), "a/b");
        assert_eq!(normalise("e\u{301}"), normalise("\u{e9}"));
        assert_eq!(normalise("Dir\\Sub\\"), "dir/sub");
        assert_eq!(normalise("\u{c9}T\u{c9}/"), "\u{e9}t\u{e9}");
    }
}
