//! 4.3.7 local file headers, 4.3.9 data descriptors, and the layout: overlaps, gaps, hidden headers.

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
                    "zip.entry_out_of_bounds",
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

    pub(super) fn on_local(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        // Scalars only: cloning the entry (name, raw name) for every local header was two allocations each.
        let e = LocalView::of(&self.out.entries[index]);
        let Some(h) = LocalHeader::parse(data) else {
            let found = u32_at(data, 0).unwrap_or(0);
            self.push(
                f(
                    "zip.local_header_invalid",
                    Severity::Critical,
                    &self.out.entries[index].name,
                    format!(
                        "no local file header at offset {} (found {found:#010x})",
                        e.header_offset
                    ),
                )
                .with("offset", e.header_offset),
            );
            self.out.entries[index].readable = false;
            return self.next_local(at + 1);
        };
        let var_len = h.name_len as usize + h.extra_len as usize;
        if data.len() < LOCAL_LEN + var_len {
            if (data.len() as u64)
                < self
                    .size
                    .saturating_sub(e.header_offset)
                    .min((LOCAL_LEN + var_len) as u64)
            {
                // The guess was short: the driver will hand us the whole header next time.
                return State::Local { at };
            }
            self.push(f(
                "zip.truncated",
                Severity::Critical,
                &self.out.entries[index].name,
                "the file ends inside a local file header",
            ));
            self.out.entries[index].readable = false;
            return self.next_local(at + 1);
        }
        let name = &data[LOCAL_LEN..LOCAL_LEN + h.name_len as usize];
        let extra = &data[LOCAL_LEN + h.name_len as usize..LOCAL_LEN + var_len];
        let mut differs: Vec<&'static str> = Vec::new();
        if name != self.out.entries[index].raw_name.as_slice() {
            differs.push("name");
        }
        if h.method != e.method {
            differs.push("method");
        }
        if (h.flags ^ e.flags) & FLAGS_THAT_MATTER != 0 {
            differs.push("flags");
        }
        let descriptor = e.flags & FLAG_DESCRIPTOR != 0;
        let (local_csize, local_usize) = h.sizes(extra);
        if !descriptor {
            if h.crc32 != e.crc32 {
                differs.push("crc32");
            }
            if local_csize != e.compressed_size {
                differs.push("compressed size");
            }
            if local_usize != e.uncompressed_size {
                differs.push("uncompressed size");
            }
        }
        if !differs.is_empty() {
            let local_name = String::from_utf8_lossy(name).into_owned();
            self.push(
                f(
                    "zip.local_header_mismatch",
                    Severity::Critical,
                    &self.out.entries[index].name,
                    format!(
                        "the local header and the central directory disagree on: {}",
                        differs.join(", ")
                    ),
                )
                .with("fields", differs.join(","))
                .with("local_name", local_name),
            );
        }
        let data_offset = e.header_offset + (LOCAL_LEN + var_len) as u64;
        self.out.entries[index].data_offset = data_offset;
        let data_end = data_offset.saturating_add(e.compressed_size);
        if data_end > self.out.cd_offset {
            self.push(
                f(
                    "zip.entry_out_of_bounds",
                    Severity::Critical,
                    &self.out.entries[index].name,
                    format!(
                        "the entry's data ({} bytes at {data_offset}) runs into the central directory at {}",
                        e.compressed_size, self.out.cd_offset
                    ),
                )
                .with("data_offset", data_offset)
                .with("compressed_size", e.compressed_size),
            );
            self.out.entries[index].readable = false;
            self.spans[index] = Some((e.header_offset, self.out.cd_offset.max(e.header_offset)));
            return self.next_local(at + 1);
        }
        self.spans[index] = Some((e.header_offset, data_end));
        if descriptor {
            return State::Descriptor { at };
        }
        self.next_local(at + 1)
    }

    pub(super) fn on_descriptor(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        let e = self.out.entries[index].clone();
        let data_end = e.data_offset + e.compressed_size;
        match Descriptor::parse(data, e.zip64, e.crc32) {
            Some(d) => {
                let mut differs = Vec::new();
                if d.crc32 != e.crc32 {
                    differs.push("crc32");
                }
                if d.compressed_size != e.compressed_size {
                    differs.push("compressed size");
                }
                if d.uncompressed_size != e.uncompressed_size {
                    differs.push("uncompressed size");
                }
                if !differs.is_empty() {
                    self.push(
                        f(
                            "zip.local_header_mismatch",
                            Severity::Critical,
                            &e.name,
                            format!(
                                "the data descriptor and the central directory disagree on: {}",
                                differs.join(", ")
                            ),
                        )
                        .with("fields", differs.join(",")),
                    );
                }
                let end = (data_end + d.len).min(self.out.cd_offset);
                self.spans[index] = Some((e.header_offset, end));
            }
            None => {
                self.push(f(
                    "zip.truncated",
                    Severity::Critical,
                    &e.name,
                    "the data descriptor is missing (the file ends)",
                ));
            }
        }
        self.next_local(at + 1)
    }

    // -- Layout: what lies between the records -----------------------------------------------------------

    pub(super) fn layout(&mut self) -> State {
        let mut spans: Vec<(u64, u64, usize)> = self
            .spans
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|(a, b)| (a, b, i)))
            .collect();
        spans.sort();
        let mut cursor = 0u64;
        let mut previous: Option<(u64, u64, usize)> = None;
        for &(start, end, i) in &spans {
            if let Some((pstart, pend, pi)) = previous {
                if start < pend {
                    let kind = if start == pstart { "full" } else { "quoted" };
                    let (a, b) = (self.out.entries[pi].name.clone(), self.out.entries[i].name.clone());
                    self.push(
                        f(
                            "zip.overlapping_entries",
                            Severity::Critical,
                            &b,
                            format!("entry overlaps the bytes of '{a}' ({kind} overlap): one set of bytes, two files"),
                        )
                        .with("kind", kind)
                        .with("other", a)
                        .with("offset", start),
                    );
                    // Neither entry is inflated: their bytes are shared, so verifying them proves nothing
                    // an extractor could rely on (the overlap already rejects the archive), and verifying
                    // every entry that quotes one stream is how a small archive makes the inspector inflate
                    // the stream once per entry (n entries, n times the work, up to the total-size limit).
                    self.out.entries[pi].readable = false;
                    self.out.entries[i].readable = false;
                    cursor = cursor.max(end);
                    previous = Some(if end > pend {
                        (start, end, i)
                    } else {
                        (pstart, pend, pi)
                    });
                    continue;
                }
            }
            if start > cursor {
                self.gaps.push((cursor, start));
                if cursor == 0 {
                    self.push(
                        f(
                            "zip.data_before_first_entry",
                            Severity::Medium,
                            "",
                            format!("{start} bytes precede the first entry (a self-extractor stub or prepended data)"),
                        )
                        .with("length", start),
                    );
                } else {
                    self.push(
                        f(
                            "zip.unaccounted_bytes",
                            Severity::Medium,
                            "",
                            format!("{} bytes between entries belong to no entry", start - cursor),
                        )
                        .with("offset", cursor)
                        .with("length", start - cursor),
                    );
                }
            }
            cursor = cursor.max(end);
            previous = Some((start, end, i));
        }
        let cd = self.out.cd_offset;
        if !spans.is_empty() && cursor < cd {
            self.gaps.push((cursor, cd));
            self.push(
                f(
                    "zip.unaccounted_bytes",
                    Severity::Medium,
                    "",
                    format!(
                        "{} bytes between the last entry and the central directory belong to no entry",
                        cd - cursor
                    ),
                )
                .with("offset", cursor)
                .with("length", cd - cursor),
            );
        } else if spans.is_empty() && cd > 0 {
            self.gaps.push((0, cd));
            self.push(
                f(
                    "zip.data_before_first_entry",
                    Severity::Medium,
                    "",
                    format!("{cd} bytes precede the central directory but belong to no entry"),
                )
                .with("length", cd),
            );
        }
        self.next_gap(0)
    }

    pub(super) fn next_gap(&self, at: usize) -> State {
        if at < self.gaps.len() {
            State::Gap { at }
        } else {
            State::Done
        }
    }

    pub(super) fn on_gap(&mut self, at: usize, data: &[u8]) -> State {
        let (start, _) = self.gaps[at];
        if let Some(i) = data
            .windows(4)
            .position(|w| w == SIG_LOCAL.to_le_bytes() || w == SIG_CENTRAL.to_le_bytes())
        {
            self.push(
                f("zip.hidden_local_header", Severity::High, "", "bytes outside every entry contain a ZIP header signature: a streaming extractor would see entries the central directory does not list")
                    .with("offset", start + i as u64),
            );
        }
        self.next_gap(at + 1)
    }
}
