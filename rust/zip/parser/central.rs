//! 4.3.12 the central directory: its records, their extra fields (4.5), names and attributes.

use super::*;
use unicode_normalization::UnicodeNormalization as _;

impl Parser {
    // -- 4.3.12 Central directory ---------------------------------------------------------------------

    pub(super) fn central_or_done(&mut self) -> State {
        let (offset, size, end) = (self.out.cd_offset, self.out.cd_size, self.cd_end);
        if self.cd_count > self.max_entries {
            self.push(
                f(
                    "zip.too_many_entries",
                    Severity::Critical,
                    "",
                    format!("{} entries, more than the limit of {}", self.cd_count, self.max_entries),
                )
                .with("entries", self.cd_count)
                .with("limit", self.max_entries),
            );
            return State::Done;
        }
        if self.cd_count.saturating_mul(CENTRAL_LEN as u64) > size {
            self.push(
                f(
                    "zip.central_directory_count_mismatch",
                    Severity::Critical,
                    "",
                    format!(
                        "{} entries cannot fit in a {size}-byte central directory",
                        self.cd_count
                    ),
                )
                .with("entries", self.cd_count)
                .with("central_directory_size", size),
            );
            return State::Done;
        }
        if offset.saturating_add(size) > end {
            // An offset relative to a prefix cannot make the directory end past where it must end.
            self.push(
                f(
                    "zip.truncated",
                    Severity::Critical,
                    "",
                    "the central directory runs past the end-of-central-directory record",
                )
                .with("central_directory_offset", offset)
                .with("central_directory_size", size)
                .with("expected_end", end),
            );
            return State::Done;
        }
        if end - offset > MAX_CENTRAL_DIRECTORY {
            self.push(
                f(
                    "zip.too_many_entries",
                    Severity::Critical,
                    "",
                    "the central directory is larger than shipgate holds in memory",
                )
                .with("central_directory_size", end - offset)
                .with("limit", MAX_CENTRAL_DIRECTORY),
            );
            return State::Done;
        }
        State::Central
    }

    pub(super) fn on_central(&mut self, region: &[u8]) -> State {
        let size = self.out.cd_size as usize;
        let starts_here = |at: usize| region.get(at..at + 4) == Some(&SIG_CENTRAL.to_le_bytes()[..]);
        let shifted = region.len().saturating_sub(size);
        let start = if self.cd_count == 0 || starts_here(0) {
            0
        } else if shifted > 0 && starts_here(shifted) {
            // Offsets are relative to an archive that was appended to a prefix (a self-extractor stub):
            // Info-ZIP, Python and Go add the difference; a reader that does not finds nothing.
            self.base = shifted as u64;
            self.push(
                f(
                    "zip.prefixed_offsets",
                    Severity::Medium,
                    "",
                    format!("all offsets are off by {shifted} bytes (data was prepended to the archive)"),
                )
                .with("shift", shifted),
            );
            shifted
        } else {
            let found = region.get(..4).and_then(|b| u32_at(b, 0)).unwrap_or(0);
            self.push(
                f(
                    "zip.central_directory_corrupt",
                    Severity::Critical,
                    "",
                    format!(
                        "no central directory header at offset {} (found {found:#010x})",
                        self.out.cd_offset
                    ),
                )
                .with("offset", self.out.cd_offset),
            );
            return State::Done;
        };
        if region.len() < start + size {
            self.push(f(
                "zip.truncated",
                Severity::Critical,
                "",
                "the file ends inside the central directory",
            ));
            return State::Done;
        }
        self.out.cd_offset += self.base;
        let cd = &region[start..start + size];
        let mut at = 0usize;
        for index in 0..self.cd_count {
            let Some(h) = cd.get(at..).and_then(CentralHeader::parse) else {
                let found = u32_at(cd, at).unwrap_or(0);
                self.push(
                    f(
                        "zip.central_directory_corrupt",
                        Severity::Critical,
                        "",
                        format!("central directory record {index} has signature {found:#010x}"),
                    )
                    .with("index", index)
                    .with("offset", self.out.cd_offset + at as u64),
                );
                break;
            };
            let var = at + CENTRAL_LEN;
            let Some(var_bytes) = cd.get(var..var + h.variable_len()) else {
                self.push(
                    f(
                        "zip.central_directory_corrupt",
                        Severity::Critical,
                        "",
                        format!("central directory record {index} runs past the directory"),
                    )
                    .with("index", index),
                );
                break;
            };
            let name = &var_bytes[..h.name_len as usize];
            let extra = &var_bytes[h.name_len as usize..h.name_len as usize + h.extra_len as usize];
            let entry = self.central_entry(&h, name, extra);
            self.out.entries.push(entry);
            at = var + h.variable_len();
        }
        if self.out.entries.len() as u64 == self.cd_count && at < cd.len() {
            let rest = &cd[at..];
            if rest.starts_with(&SIG_CENTRAL.to_le_bytes()) {
                self.push(
                    f(
                        "zip.central_directory_count_mismatch",
                        Severity::Critical,
                        "",
                        "the central directory holds more records than the end record counts",
                    )
                    .with("counted", self.cd_count),
                );
            } else {
                self.push(
                    f(
                        "zip.unaccounted_bytes",
                        Severity::Medium,
                        "",
                        format!("{} unexplained bytes at the end of the central directory", rest.len()),
                    )
                    .with("offset", self.out.cd_offset + at as u64)
                    .with("length", rest.len()),
                );
            }
        }
        let after_cd = self.out.cd_offset + self.out.cd_size;
        if after_cd < self.cd_end && self.base == 0 {
            self.gaps.push((after_cd, self.cd_end));
            self.push(
                f(
                    "zip.unaccounted_bytes",
                    Severity::Medium,
                    "",
                    format!(
                        "{} bytes between the central directory and its end record",
                        self.cd_end - after_cd
                    ),
                )
                .with("offset", after_cd)
                .with("length", self.cd_end - after_cd),
            );
        }
        if self.central_only {
            return State::Done;
        }
        self.spans = vec![None; self.out.entries.len()];
        self.order = (0..self.out.entries.len()).collect();
        self.order.sort_by_key(|&i| self.out.entries[i].header_offset);
        self.next_local(0)
    }

    pub(super) fn central_entry(&mut self, h: &CentralHeader, name: &[u8], extra: &[u8]) -> Entry {
        let utf8 = h.flags & FLAG_UTF8 != 0;
        let decoded = if utf8 {
            String::from_utf8_lossy(name).into_owned()
        } else {
            decode_cp437(name)
        };
        let mut e = Entry {
            name: decoded,
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
        if utf8 && std::str::from_utf8(name).is_err() {
            self.push(f(
                "zip.name_invalid_utf8",
                Severity::High,
                &e.name,
                "the name is flagged UTF-8 but is not valid UTF-8; extractors replace or reject different bytes",
            ));
        }
        let (fields, overrun) = extra_fields(extra);
        if overrun {
            self.push(f(
                "zip.extra_field_malformed",
                Severity::High,
                &e.name,
                "an extra field's length runs past the extra-field block; readers disagree on what follows",
            ));
        }
        let (usat, csat, osat) = (
            h.uncompressed_size == u32::MAX,
            h.compressed_size == u32::MAX,
            h.local_offset == u32::MAX,
        );
        let mut saw_zip64 = false;
        let mut unicode: Option<String> = None;
        let mut unicode_stale = false;
        for field in &fields {
            match field.id {
                EXTRA_ZIP64 if !saw_zip64 => {
                    saw_zip64 = true;
                    e.zip64 = true;
                    let z = zip64_extra(field.data, usat, csat, osat);
                    if let Some(missing) = z.missing {
                        self.push(f(
                            "zip.zip64_extra_missing",
                            Severity::Critical,
                            &e.name,
                            format!("the ZIP64 extra field does not include the {missing}"),
                        ));
                        e.readable = false;
                    }
                    e.uncompressed_size = z.uncompressed_size.unwrap_or(e.uncompressed_size);
                    e.compressed_size = z.compressed_size.unwrap_or(e.compressed_size);
                    e.header_offset = z.local_offset.unwrap_or(e.header_offset);
                }
                // 4.6.9: version 1, CRC-32 of the header name, then the UTF-8 name. A stale CRC means the
                // name was changed by a tool that kept the extra; Info-ZIP then ignores it.
                EXTRA_UNICODE_PATH if field.data.len() >= 5 && field.data[0] == 1 => {
                    let crc = u32_at(field.data, 1).unwrap_or(0);
                    match std::str::from_utf8(&field.data[5..]) {
                        Ok(s) if crc == crc32fast::hash(name) => unicode = Some(s.to_owned()),
                        _ => unicode_stale = true,
                    }
                }
                EXTRA_TIMESTAMP => {
                    let flags = field.data.first().copied().unwrap_or(0);
                    if flags & 1 != 0 {
                        match field.data.get(1..5) {
                            Some(b) => e.mtime = Some(i64::from(i32::from_le_bytes(b.try_into().unwrap_or([0; 4])))),
                            None => self.push(f(
                                "zip.extra_field_malformed",
                                Severity::Medium,
                                &e.name,
                                "the extended-timestamp field is too short for the times it declares",
                            )),
                        }
                    }
                }
                EXTRA_NTFS if e.mtime.is_none() => {
                    // 4.5.5: 4 reserved bytes, then tagged attributes; tag 1 holds mtime, atime, ctime.
                    let mut at = 4usize;
                    while let (Some(tag), Some(len)) = (u16_at(field.data, at), u16_at(field.data, at + 2)) {
                        if tag == 1 && len >= 8 {
                            if let Some(t) = u64_at(field.data, at + 4) {
                                e.mtime = Some(filetime_to_unix(t));
                            }
                        }
                        at += 4 + len as usize;
                    }
                }
                EXTRA_UNIX1 if e.mtime.is_none() && field.data.len() >= 8 => {
                    e.mtime = u32_at(field.data, 4).map(i64::from);
                }
                _ => {}
            }
        }
        if !saw_zip64 && (usat || csat || osat) {
            // Saturated fields without a ZIP64 extra are taken at face value by Python and Go.
            e.zip64 = false;
        }
        if let Some(u) = unicode {
            let matches = u.nfc().collect::<String>() == e.name.nfc().collect::<String>();
            if !matches {
                let severity = if name.is_ascii() { Severity::High } else { Severity::Low };
                self.push(
                    f("zip.unicode_path_mismatch", severity, &u, "the Info-ZIP Unicode path extra names the entry differently from its header; extractors that ignore the extra write another name")
                        .with("header_name", e.name.clone())
                        .with("unicode_name", u.clone()),
                );
                e.name = u;
            }
        } else if unicode_stale {
            self.push(f("zip.unicode_path_mismatch", Severity::High, &e.name, "an Info-ZIP Unicode path extra does not belong to this name (stale CRC or bad UTF-8); some extractors use it anyway"));
        }
        e.mtime = e.mtime.or_else(|| dos_to_unix(h.dos_date, h.dos_time));
        let host = (h.made_by >> 8) as u8;
        if matches!(host, HOST_UNIX | HOST_OSX) && h.external_attributes >> 16 != 0 {
            e.mode = Some(h.external_attributes >> 16);
        }
        let file_type = e.mode.map(|m| m & 0o170_000);
        e.is_symlink = file_type == Some(0o120_000);
        e.is_dir = e.name.ends_with('/')
            || file_type == Some(0o040_000)
            || (e.mode.is_none() && h.external_attributes & 0x10 != 0);
        if h.disk_start != 0 && !(h.disk_start == u16::MAX && e.zip64) {
            self.push(
                f(
                    "zip.multi_disk",
                    Severity::Critical,
                    &e.name,
                    "the entry starts on another disk",
                )
                .with("disk", h.disk_start),
            );
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
            self.push(f(
                "zip.encrypted_entry",
                Severity::High,
                &e.name,
                format!("the entry is encrypted ({what}); its contents cannot be verified"),
            ));
            e.readable = false;
        } else if h.method != METHOD_STORED && h.method != METHOD_DEFLATE {
            self.push(
                f(
                    "zip.unsupported_method",
                    Severity::High,
                    &e.name,
                    format!(
                        "compression method {} ({}) is not verified by shipgate",
                        h.method,
                        method_name(h.method)
                    ),
                )
                .with("method", h.method),
            );
            e.readable = false;
        } else if h.method == METHOD_STORED && e.compressed_size != e.uncompressed_size {
            self.push(
                f(
                    "zip.size_mismatch",
                    Severity::High,
                    &e.name,
                    "a stored entry's compressed and uncompressed sizes differ",
                )
                .with("compressed_size", e.compressed_size)
                .with("uncompressed_size", e.uncompressed_size),
            );
        }
        e.header_offset = e.header_offset.saturating_add(self.base);
        e
    }
}
