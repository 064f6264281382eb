//! 4.3.12 the central directory: its records, their extra fields (4.5), names and attributes.

use super::*;
use unicode_normalization::UnicodeNormalization as _;

/// Two names an extractor writes as the same file: equal after NFC.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    a == b || a.nfc().eq(b.nfc())
}

impl Parser {
    // -- 4.3.12 Central directory ---------------------------------------------------------------------

    /// Whether the directory the end record describes can be read: its count, size and extent bounded.
    pub(super) fn central_or_done(&mut self) -> State {
        let (offset, size, end, count) = (self.out.cd_offset, self.out.cd_size, self.cd_end, self.cd_count);
        let refused = if count > self.max_entries {
            found::too_many_entries(format!("{count} entries, more than the limit of {}", self.max_entries))
                .with("entries", count)
                .with("limit", self.max_entries)
        } else if count.saturating_mul(CENTRAL_LEN as u64) > size {
            found::count_mismatch(&format!("{count} entries cannot fit in a {size}-byte central directory"))
                .with("entries", count)
                .with("central_directory_size", size)
        } else if offset.saturating_add(size) > end {
            // An offset relative to a prefix cannot make the directory end past where it must end.
            found::truncated("", "the central directory runs past the end-of-central-directory record")
                .with("central_directory_offset", offset)
                .with("central_directory_size", size)
                .with("expected_end", end)
        } else if end - offset > MAX_CENTRAL_DIRECTORY {
            found::too_many_entries("the central directory is larger than shipgate holds in memory".into())
                .with("central_directory_size", end - offset)
                .with("limit", MAX_CENTRAL_DIRECTORY)
        } else {
            return State::Central;
        };
        self.push(refused);
        State::Done
    }

    /// The directory's bytes (from its stated offset to the end record): where it really starts, its
    /// records, their count, what lies after it; then the local headers in file order.
    pub(super) fn on_central(&mut self, region: &[u8]) -> State {
        let size = self.out.cd_size as usize;
        let Some(start) = self.central_start(region) else {
            return State::Done;
        };
        if region.len() < start + size {
            self.push(found::truncated("", "the file ends inside the central directory"));
            return State::Done;
        }
        self.out.cd_offset += self.base;
        let cd = &region[start..start + size];
        let Some(at) = self.central_records(cd) else {
            return State::Done;
        };
        self.central_count(cd, at);
        let after_cd = self.out.cd_offset + self.out.cd_size;
        if after_cd < self.cd_end && self.base == 0 {
            let length = self.cd_end - after_cd;
            let finding = found::unaccounted(after_cd, length, format!("{length} bytes between the central directory and its end record"));
            self.gaps.push((after_cd, self.cd_end, Some(finding)));
        }
        if self.central_only {
            return State::Done;
        }
        self.spans = vec![None; self.out.entries.len()];
        self.local_zip64 = vec![false; self.out.entries.len()];
        self.order = (0..self.out.entries.len()).collect();
        self.order.sort_by_key(|&i| self.out.entries[i].header_offset);
        self.next_local(0)
    }

    /// Where in `region` the directory starts: at its stated offset, or shifted by a prefix the offsets do
    /// not count (a self-extractor stub: Info-ZIP, Python and Go add the difference; a reader that does not
    /// finds nothing). `None` when neither holds a central header.
    fn central_start(&mut self, region: &[u8]) -> Option<usize> {
        let starts_here = |at: usize| region.get(at..at + 4) == Some(&SIG_CENTRAL.to_le_bytes()[..]);
        let shifted = region.len().saturating_sub(self.out.cd_size as usize);
        if self.cd_count == 0 || starts_here(0) {
            return Some(0);
        }
        if shifted > 0 && starts_here(shifted) {
            self.base = shifted as u64;
            self.push(
                f(codes::PREFIXED_OFFSETS, Severity::Medium, "", format!("all offsets are off by {shifted} bytes (data was prepended to the archive)"))
                    .with("shift", shifted),
            );
            return Some(shifted);
        }
        let seen = region.get(..4).and_then(|b| u32_at(b, 0)).unwrap_or(0);
        let offset = self.out.cd_offset;
        self.push(found::central_corrupt(format!("no central directory header at offset {offset} (found {seen:#010x})")).with("offset", offset));
        None
    }

    /// Every record of the directory `cd`, in order: the counted ones, then, when the count is the classic
    /// record's 16 bits, any that follow while they start with the signature (4.4.21: the count wraps past
    /// 65,535 entries in archives written without ZIP64, and Go, CPython and Info-ZIP read on). Where the
    /// records end; `None` when there are more than the limit allows.
    fn central_records(&mut self, cd: &[u8]) -> Option<usize> {
        let wraps = !self.out.zip64;
        let mut at = 0usize;
        for index in 0u64.. {
            let more = cd.get(at..at + 4) == Some(&SIG_CENTRAL.to_le_bytes()[..]);
            if index >= self.cd_count && !(wraps && more) {
                break;
            }
            if index >= self.max_entries {
                self.push(found::too_many_entries(format!("more than {} entries", self.max_entries)).with("limit", self.max_entries));
                return None;
            }
            let Some(h) = cd.get(at..).and_then(CentralHeader::parse) else {
                let seen = u32_at(cd, at).unwrap_or(0);
                self.push(
                    found::central_corrupt(format!("central directory record {index} has signature {seen:#010x}"))
                        .with("index", index)
                        .with("offset", self.out.cd_offset + at as u64),
                );
                break;
            };
            let var = at + CENTRAL_LEN;
            let Some(var_bytes) = cd.get(var..var + h.variable_len()) else {
                self.push(found::central_corrupt(format!("central directory record {index} runs past the directory")).with("index", index));
                break;
            };
            let name = &var_bytes[..h.name_len as usize];
            let extra = &var_bytes[h.name_len as usize..h.name_len as usize + h.extra_len as usize];
            let entry = self.central_entry(&h, name, extra);
            self.out.entries.push(entry);
            at = var + h.variable_len();
        }
        Some(at)
    }

    /// The records read (ending at `at` in `cd`) against the end record's count and the directory's size.
    fn central_count(&mut self, cd: &[u8], at: usize) {
        let read = self.out.entries.len() as u64;
        if read > self.cd_count {
            if at == cd.len() && read % 65_536 == self.cd_count % 65_536 {
                self.push(
                    f(
                        codes::ENTRY_COUNT_WRAPPED,
                        Severity::Low,
                        "",
                        format!("{read} entries, which the end record counts modulo 65,536 as {} (no ZIP64 record)", self.cd_count),
                    )
                    .with("entries", read)
                    .with("counted", self.cd_count),
                );
                self.cd_count = read;
            } else {
                self.out.entries.truncate(self.cd_count as usize);
                self.push(
                    found::count_mismatch("the central directory holds more records than the end record counts")
                        .with("counted", self.cd_count)
                        .with("records", read),
                );
            }
        } else if read == self.cd_count && at < cd.len() {
            let rest = &cd[at..];
            if rest.starts_with(&SIG_CENTRAL.to_le_bytes()) {
                self.push(
                    found::count_mismatch("the central directory holds more records than the end record counts")
                        .with("counted", self.cd_count),
                );
            } else {
                // CPython walks the directory by its size and refuses the archive; Go walks by the count and
                // reads these entries; what the bytes are (a record a comment overlaps, most often) is moot.
                self.push(
                    f(
                        codes::CENTRAL_DIRECTORY_SIZE_MISMATCH,
                        Severity::High,
                        "",
                        format!(
                            "{} bytes of the central directory follow its last counted record (a comment or extra field overlapping the next record?): CPython refuses the archive, Go ignores them",
                            rest.len()
                        ),
                    )
                    .with("offset", self.out.cd_offset + at as u64)
                    .with("length", rest.len()),
                );
            }
        }
    }

    /// One central record as an entry: (1) its name, (2) its extra fields (ZIP64 sizes, times, Unicode
    /// path), (3) its Unix attributes, (4) whether its data can be read (disk, encryption, method).
    pub(super) fn central_entry(&mut self, h: &CentralHeader, name: &[u8], extra: &[u8]) -> Entry {
        let mut e = Entry {
            name: self.header_name(h, name),
            raw_name: name.to_vec(),
            method: h.method,
            bit_flags: h.flags,
            crc32: h.crc32,
            compressed_size: u64::from(h.compressed_size),
            uncompressed_size: u64::from(h.uncompressed_size),
            header_offset: u64::from(h.local_offset),
            encrypted: h.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) != 0 || h.method == 99,
            readable: true,
            ..Entry::default()
        };
        let (fields, overrun) = extra_fields(extra);
        if overrun {
            self.push(f(codes::EXTRA_FIELD_MALFORMED, Severity::High, &e.name, "an extra field's length runs past the extra-field block; readers disagree on what follows"));
        }
        self.zip64_fields(&mut e, h, &fields);
        self.times(&mut e, &fields);
        self.unicode_name(&mut e, name, &fields);
        e.mtime = e.mtime.or_else(|| dos_to_unix(h.dos_date, h.dos_time));
        attributes(&mut e, h);
        self.readability(&mut e, h);
        e.header_offset = e.header_offset.saturating_add(self.base);
        e
    }

    /// The header name, UTF-8 when bit 11 says so (reported when it is not), else code page 437.
    fn header_name(&mut self, h: &CentralHeader, name: &[u8]) -> String {
        if h.flags & FLAG_UTF8 == 0 {
            return decode_cp437(name);
        }
        let decoded = String::from_utf8_lossy(name).into_owned();
        if std::str::from_utf8(name).is_err() {
            self.push(f(codes::NAME_INVALID_UTF8, Severity::High, &decoded, "the name is flagged UTF-8 but is not valid UTF-8; extractors replace or reject different bytes"));
        }
        decoded
    }

    /// 4.5.3: the sizes and offset a saturated header field leaves to the ZIP64 extra (the first one).
    fn zip64_fields(&mut self, e: &mut Entry, h: &CentralHeader, fields: &[ExtraField<'_>]) {
        let (usat, csat, osat) = (h.uncompressed_size == u32::MAX, h.compressed_size == u32::MAX, h.local_offset == u32::MAX);
        // Saturated fields without a ZIP64 extra are taken at face value by Python and Go.
        let Some(field) = fields.iter().find(|x| x.id == EXTRA_ZIP64) else { return };
        e.zip64 = true;
        let z = zip64_extra(field.data, usat, csat, osat);
        if let Some(missing) = z.missing {
            self.push(f(codes::ZIP64_EXTRA_MISSING, Severity::Critical, &e.name, format!("the ZIP64 extra field does not include the {missing}")));
            e.readable = false;
        }
        e.uncompressed_size = z.uncompressed_size.unwrap_or(e.uncompressed_size);
        e.compressed_size = z.compressed_size.unwrap_or(e.compressed_size);
        e.header_offset = z.local_offset.unwrap_or(e.header_offset);
    }

    /// The modification time: Info-ZIP's extended timestamp, else NTFS (4.5.5), else Info-ZIP Unix type 1.
    fn times(&mut self, e: &mut Entry, fields: &[ExtraField<'_>]) {
        for field in fields {
            match field.id {
                EXTRA_TIMESTAMP if field.data.first().is_some_and(|flags| flags & 1 != 0) => match field.data.get(1..5) {
                    Some(b) => e.mtime = Some(i64::from(i32::from_le_bytes(b.try_into().unwrap_or([0; 4])))),
                    None => self.push(f(codes::EXTRA_FIELD_MALFORMED, Severity::Medium, &e.name, "the extended-timestamp field is too short for the times it declares")),
                },
                EXTRA_NTFS if e.mtime.is_none() => e.mtime = ntfs_mtime(field.data),
                EXTRA_UNIX1 if e.mtime.is_none() && field.data.len() >= 8 => e.mtime = u32_at(field.data, 4).map(i64::from),
                _ => {}
            }
        }
    }

    /// 4.6.9: an Info-ZIP Unicode path that names the entry differently (it wins, and is reported), or a
    /// stale one.
    fn unicode_name(&mut self, e: &mut Entry, name: &[u8], fields: &[ExtraField<'_>]) {
        match unicode_path(fields, name) {
            Some(UnicodePath::Valid(u)) if !same_name(&u, &e.name) => {
                let severity = if name.is_ascii() { Severity::High } else { Severity::Low };
                self.push(
                    f(codes::UNICODE_PATH_MISMATCH, severity, &u, "the Info-ZIP Unicode path extra names the entry differently from its header; extractors that ignore the extra write another name")
                        .with("header_name", e.name.clone())
                        .with("unicode_name", u.clone()),
                );
                e.name = u;
            }
            Some(UnicodePath::Stale) => self.push(f(codes::UNICODE_PATH_MISMATCH, Severity::High, &e.name, "an Info-ZIP Unicode path extra does not belong to this name (stale CRC or bad UTF-8); some extractors use it anyway")),
            _ => {}
        }
    }

    /// Whether the entry's data can be verified: on this disk, not encrypted, a method that is decoded, a
    /// stored entry's two sizes equal.
    fn readability(&mut self, e: &mut Entry, h: &CentralHeader) {
        if h.disk_start != 0 && !(h.disk_start == u16::MAX && e.zip64) {
            self.push(f(codes::MULTI_DISK, Severity::Critical, &e.name, "the entry starts on another disk").with("disk", h.disk_start));
            e.readable = false;
        }
        if e.encrypted {
            let what = if h.flags & FLAG_STRONG_ENCRYPTION != 0 {
                "strong encryption"
            } else if h.method == 99 {
                "AES encryption"
            } else {
                "traditional PKWARE encryption"
            };
            self.push(f(codes::ENCRYPTED_ENTRY, Severity::High, &e.name, format!("the entry is encrypted ({what}); its contents cannot be verified")));
            e.readable = false;
        } else if !super::super::decode::supported(h.method) {
            let message = format!("compression method {} ({}) is not verified by shipgate", h.method, method_name(h.method));
            self.push(f(codes::UNSUPPORTED_METHOD, Severity::High, &e.name, message).with("method", h.method));
            e.readable = false;
        } else if h.method == METHOD_STORED && e.compressed_size != e.uncompressed_size {
            self.push(
                f(codes::SIZE_MISMATCH, Severity::High, &e.name, "a stored entry's compressed and uncompressed sizes differ")
                    .with("compressed_size", e.compressed_size)
                    .with("uncompressed_size", e.uncompressed_size),
            );
        }
    }
}

/// Unix mode, directory and symlink from the external attributes (4.4.15) of a Unix or macOS host.
fn attributes(e: &mut Entry, h: &CentralHeader) {
    let host = (h.made_by >> 8) as u8;
    if matches!(host, HOST_UNIX | HOST_OSX) && h.external_attributes >> 16 != 0 {
        e.mode = Some(h.external_attributes >> 16);
    }
    let file_type = e.mode.map(|m| m & 0o170_000);
    e.is_symlink = file_type == Some(0o120_000);
    e.is_dir = e.name.ends_with('/') || file_type == Some(0o040_000) || (e.mode.is_none() && h.external_attributes & 0x10 != 0);
}

/// 4.5.5: 4 reserved bytes, then tagged attributes; tag 1 holds mtime, atime, ctime.
fn ntfs_mtime(data: &[u8]) -> Option<i64> {
    let mut at = 4usize;
    let mut mtime = None;
    while let (Some(tag), Some(len)) = (u16_at(data, at), u16_at(data, at + 2)) {
        if tag == 1 && len >= 8 {
            mtime = u64_at(data, at + 4).map(filetime_to_unix).or(mtime);
        }
        at += 4 + len as usize;
    }
    mtime
}
