//! 4.3.7 local file headers, 4.3.9 data descriptors, and the layout: overlaps, gaps, hidden headers.

use super::central::same_name;
use super::*;

/// The central directory's view of an entry that a local header is checked against.
struct LocalView {
    header_offset: u64,
    method: u16,
    flags: u16,
    crc32: u32,
    compressed_size: u64,
    uncompressed_size: u64,
}

impl LocalView {
    fn of(e: &Entry) -> LocalView {
        LocalView {
            header_offset: e.header_offset,
            method: e.method,
            flags: e.bit_flags,
            crc32: e.crc32,
            compressed_size: e.compressed_size,
            uncompressed_size: e.uncompressed_size,
        }
    }
}

/// The fields a local header `h` (with `name` and `extra`) states differently from the central record `e`.
/// The UTF-8 bit changes nothing for an ASCII name (some writers set it in one header only); CRC and sizes
/// are left to the data descriptor when there is one.
fn local_differences(h: &LocalHeader, e: &LocalView, name: &[u8], extra: &[u8], raw_name: &[u8]) -> Vec<&'static str> {
    let mut differs = Vec::new();
    let matter = if name.is_ascii() { FLAGS_THAT_MATTER & !FLAG_UTF8 } else { FLAGS_THAT_MATTER };
    let (local_csize, local_usize) = h.sizes(extra);
    let streamed = e.flags & FLAG_DESCRIPTOR != 0;
    for (what, differ) in [
        ("name", name != raw_name),
        ("method", h.method != e.method),
        ("flags", (h.flags ^ e.flags) & matter != 0),
        ("crc32", !streamed && h.crc32 != e.crc32),
        ("compressed size", !streamed && local_csize != e.compressed_size),
        ("uncompressed size", !streamed && local_usize != e.uncompressed_size),
    ] {
        if differ {
            differs.push(what);
        }
    }
    differs
}

impl Parser {
    // -- 4.3.7 Local file headers, 4.3.9 data descriptors ------------------------------------------------

    pub(super) fn next_local(&mut self, mut at: usize) -> State {
        while at < self.order.len() {
            let e = &self.out.entries[self.order[at]];
            if e.header_offset.saturating_add(LOCAL_LEN as u64) <= self.out.cd_offset {
                return State::Local { at };
            }
            let (name, off) = (e.name.clone(), e.header_offset);
            self.out.entries[self.order[at]].readable = false;
            self.push(
                f(
                    codes::ENTRY_OUT_OF_BOUNDS,
                    Severity::Critical,
                    &name,
                    "the local header offset points into or past the central directory",
                )
                .with("offset", off)
                .with("central_directory_offset", self.out.cd_offset),
            );
            at += 1;
        }
        self.layout()
    }

    /// The local header of the `at`-th entry in file order: (1) present and whole, (2) its extras, (3) the
    /// same as the central record, (4) its data within the file's entries; then its descriptor, if any.
    pub(super) fn on_local(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        // Scalars only: cloning the entry (name, raw name) for every local header was two allocations each.
        let e = LocalView::of(&self.out.entries[index]);
        let Some(h) = LocalHeader::parse(data) else {
            let seen = u32_at(data, 0).unwrap_or(0);
            let message = format!("no local file header at offset {} (found {seen:#010x})", e.header_offset);
            let finding = f(codes::LOCAL_HEADER_INVALID, Severity::Critical, &self.out.entries[index].name, message);
            return self.skip_local(at, finding.with("offset", e.header_offset));
        };
        let var_len = h.name_len as usize + h.extra_len as usize;
        if data.len() < LOCAL_LEN + var_len {
            let available = self.size.saturating_sub(e.header_offset).min((LOCAL_LEN + var_len) as u64);
            if (data.len() as u64) < available {
                return State::Local { at }; // the guess was short: the driver hands over the whole header next
            }
            let finding = found::truncated(&self.out.entries[index].name, "the file ends inside a local file header");
            return self.skip_local(at, finding);
        }
        let name = &data[LOCAL_LEN..LOCAL_LEN + h.name_len as usize];
        let extra = &data[LOCAL_LEN + h.name_len as usize..LOCAL_LEN + var_len];
        self.local_extras(index, name, extra);
        let differs = local_differences(&h, &e, name, extra, &self.out.entries[index].raw_name);
        if !differs.is_empty() {
            let local_name = String::from_utf8_lossy(name).into_owned();
            self.push(found::header_mismatch(&self.out.entries[index].name, "local header", &differs).with("local_name", local_name));
        }
        let data_offset = e.header_offset + (LOCAL_LEN + var_len) as u64;
        self.out.entries[index].data_offset = data_offset;
        let data_end = data_offset.saturating_add(e.compressed_size);
        if data_end > self.out.cd_offset {
            let message = format!(
                "the entry's data ({} bytes at {data_offset}) runs into the central directory at {}",
                e.compressed_size, self.out.cd_offset
            );
            self.push(
                found::out_of_bounds(&self.out.entries[index].name, message)
                    .with("data_offset", data_offset)
                    .with("compressed_size", e.compressed_size),
            );
            self.out.entries[index].readable = false;
            self.spans[index] = Some((e.header_offset, self.out.cd_offset.max(e.header_offset)));
            return self.next_local(at + 1);
        }
        self.spans[index] = Some((e.header_offset, data_end));
        if e.flags & FLAG_DESCRIPTOR != 0 {
            return State::Descriptor { at };
        }
        self.next_local(at + 1)
    }

    /// Report `finding` for the `at`-th entry, whose data cannot be read, and go on with the next one.
    pub(super) fn skip_local(&mut self, at: usize, finding: Finding) -> State {
        self.push(finding);
        self.out.entries[self.order[at]].readable = false;
        self.next_local(at + 1)
    }

    /// The local header's extra block, checked as the central one is: a streaming extractor reads only
    /// this one, so a malformed block or a Unicode path naming another file is a disagreement.
    fn local_extras(&mut self, index: usize, raw_name: &[u8], extra: &[u8]) {
        let (fields, overrun) = extra_fields(extra);
        self.local_zip64[index] = fields.iter().any(|x| x.id == EXTRA_ZIP64);
        let name = &self.out.entries[index].name;
        let mut found = Vec::new();
        if overrun {
            found.push(f(
                codes::EXTRA_FIELD_MALFORMED,
                Severity::High,
                name,
                "a field of the local header's extra block runs past the block; readers of local headers disagree on what follows",
            ));
        }
        match unicode_path(&fields, raw_name) {
            Some(UnicodePath::Valid(u)) if !same_name(&u, name) => found.push(
                f(
                    codes::UNICODE_PATH_MISMATCH,
                    Severity::High,
                    name,
                    format!("the local header's Info-ZIP Unicode path extra names another file, '{u}': extractors that read local headers write that name"),
                )
                .with("local_unicode_name", u),
            ),
            Some(UnicodePath::Stale) => found.push(f(
                codes::UNICODE_PATH_MISMATCH,
                Severity::High,
                name,
                "the local header's Info-ZIP Unicode path extra does not belong to its name (stale CRC or bad UTF-8); some extractors use it anyway",
            )),
            _ => {}
        }
        self.out.findings.extend(found);
    }

    pub(super) fn on_descriptor(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        let e = self.out.entries[index].clone();
        let data_end = e.data_offset + e.compressed_size;
        // 4.3.9.2: 8-byte sizes when the local header has a ZIP64 extra. A descriptor of the other width
        // that agrees with the central directory is taken too: the readers that use the central directory
        // never look at it, and it describes the same entry.
        let wide = self.local_zip64[index];
        let agrees = |d: &Descriptor| (d.crc32, d.compressed_size, d.uncompressed_size) == (e.crc32, e.compressed_size, e.uncompressed_size);
        let parsed = Descriptor::parse(data, wide, e.crc32);
        let parsed = match parsed {
            Some(d) if !agrees(&d) => Descriptor::parse(data, !wide, e.crc32).filter(agrees).or(Some(d)),
            other => other,
        };
        match parsed {
            Some(d) => {
                let differs: Vec<&str> = [
                    ("crc32", d.crc32 != e.crc32),
                    ("compressed size", d.compressed_size != e.compressed_size),
                    ("uncompressed size", d.uncompressed_size != e.uncompressed_size),
                ]
                .into_iter()
                .filter_map(|(what, differ)| differ.then_some(what))
                .collect();
                if !differs.is_empty() {
                    self.push(found::header_mismatch(&e.name, "data descriptor", &differs));
                }
                let end = (data_end + d.len).min(self.out.cd_offset);
                self.spans[index] = Some((e.header_offset, end));
            }
            None => self.push(found::truncated(&e.name, "the data descriptor is missing (the file ends)")),
        }
        self.next_local(at + 1)
    }

    // -- Layout: what lies between the records -----------------------------------------------------------

    /// The entries' byte ranges in file order: overlaps between them, and gaps (before the first, between
    /// two, after the last) that are then scanned for hidden headers.
    pub(super) fn layout(&mut self) -> State {
        let mut spans: Vec<(u64, u64, usize)> =
            self.spans.iter().enumerate().filter_map(|(i, s)| s.map(|(a, b)| (a, b, i))).collect();
        spans.sort();
        let mut cursor = 0u64;
        let mut previous: Option<(u64, u64, usize)> = None;
        for &(start, end, i) in &spans {
            if let Some((pstart, pend, pi)) = previous.filter(|p| start < p.1) {
                self.overlap(pi, i, start == pstart, start);
                cursor = cursor.max(end);
                previous = Some(if end > pend { (start, end, i) } else { (pstart, pend, pi) });
                continue;
            }
            if start > cursor {
                self.gap(cursor, start);
            }
            cursor = cursor.max(end);
            previous = Some((start, end, i));
        }
        let cd = self.out.cd_offset;
        if !spans.is_empty() && cursor < cd {
            let message = format!("{} bytes between the last entry and the central directory belong to no entry", cd - cursor);
            self.gaps.push((cursor, cd, Some(found::unaccounted(cursor, cd - cursor, message))));
        } else if spans.is_empty() && cd > 0 {
            let message = format!("{cd} bytes precede the central directory but belong to no entry");
            self.gaps.push((0, cd, Some(found::before_first_entry(cd, message))));
        }
        self.next_gap(0)
    }

    /// Entry `i` starts inside entry `pi`'s bytes (at the same header: a full overlap; later: quoted).
    /// Neither is decoded: their bytes are shared, so verifying them proves nothing an extractor could rely
    /// on (the overlap already rejects the archive), and verifying every entry that quotes one stream is how
    /// a small archive makes the inspector inflate the stream once per entry (up to the total-size limit).
    fn overlap(&mut self, pi: usize, i: usize, full: bool, offset: u64) {
        let kind = if full { "full" } else { "quoted" };
        let (a, b) = (self.out.entries[pi].name.clone(), self.out.entries[i].name.clone());
        let message = format!("entry overlaps the bytes of '{a}' ({kind} overlap): one set of bytes, two files");
        self.push(f(codes::OVERLAPPING_ENTRIES, Severity::Critical, &b, message).with("kind", kind).with("other", a).with("offset", offset));
        self.out.entries[pi].readable = false;
        self.out.entries[i].readable = false;
    }

    /// Bytes from `start` to `end` that belong to no entry: before the first one, or between two.
    fn gap(&mut self, start: u64, end: u64) {
        let finding = if start == 0 {
            found::before_first_entry(end, format!("{end} bytes precede the first entry (a self-extractor stub or prepended data)"))
        } else {
            found::unaccounted(start, end - start, format!("{} bytes between entries belong to no entry", end - start))
        };
        self.gaps.push((start, end, Some(finding)));
    }

    pub(super) fn next_gap(&self, at: usize) -> State {
        if at < self.gaps.len() {
            State::Gap { at }
        } else {
            State::Done
        }
    }

    /// A ZIP signature in a gap is what some reader takes for an entry the directory does not list. Between
    /// entries (and after the last) any signature is: streaming extractors scan on from each entry's end.
    /// Before the first entry of a file that does not itself start with "PK", streaming extractors read
    /// nothing (they read from the first byte and stop at anything else); 7-Zip, though, looks for the first
    /// local header there and lists the entries it finds from it on. What it skips is no entry: a local
    /// signature whose fixed fields are all zero or whose name holds a NUL followed by other bytes — as the
    /// signature constants in a self-extractor's code (bdist_wininst's installers compare against
    /// 0x04034b50) are followed by more code — and a central signature without a local header.
    pub(super) fn on_gap(&mut self, at: usize, data: &[u8]) -> State {
        let (start, end, ref finding) = self.gaps[at];
        let whole = data.len() as u64 == end - start;
        if let Some(finding) = finding.clone().filter(|_| !(whole && known_gaps::by_design(start, end == self.out.cd_offset, data))) {
            self.push(finding);
        }
        if start == 0 && !data.starts_with(b"PK") {
            let taken = (0..data.len().saturating_sub(3))
                .find(|&i| data[i..].starts_with(&SIG_LOCAL.to_le_bytes()) && !skipped_as_local_header(&data[i..]));
            if let Some(i) = taken {
                self.push(
                    f(codes::HIDDEN_LOCAL_HEADER, Severity::High, "", "bytes before the first entry hold a local header: 7-Zip lists entries from it that the central directory does not")
                        .with("offset", i as u64),
                );
            }
            return self.next_gap(at + 1);
        }
        if let Some(i) = data
            .windows(4)
            .position(|w| w == SIG_LOCAL.to_le_bytes() || w == SIG_CENTRAL.to_le_bytes())
        {
            let message = if data[i..].starts_with(&SIG_CENTRAL.to_le_bytes()) {
                "bytes outside every entry hold a central directory header (as a directory an append left in place): a streaming extractor stops there and misses the entries after it"
            } else {
                "bytes outside every entry contain a local header signature: a streaming extractor would see entries the central directory does not list"
            };
            self.push(f(codes::HIDDEN_LOCAL_HEADER, Severity::High, "", message).with("offset", start + i as u64));
        }
        self.next_gap(at + 1)
    }
}

/// 7-Zip's test, when it looks behind a prefix for the start of an archive, that a local signature begins no
/// header: the 26 bytes after it all zero, or a NUL in the name followed by other bytes. A header cut short by
/// the end of `at` passes as a header.
fn skipped_as_local_header(at: &[u8]) -> bool {
    let Some(fixed) = at.get(4..30) else { return false };
    if fixed.iter().all(|&b| b == 0) {
        return true;
    }
    let name_len = u16::from_le_bytes([at[26], at[27]]) as usize;
    let name = &at[30..(30 + name_len).min(at.len())];
    name.iter().position(|&b| b == 0).is_some_and(|z| name[z..].iter().any(|&b| b != 0))
}
