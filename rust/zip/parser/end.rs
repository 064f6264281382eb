//! 4.3.16 end of central directory (every candidate in the tail) and 4.3.15/4.3.14 ZIP64 locator and record.

use super::*;

/// Every end-of-central-directory record in the tail, last first, with its file offset.
fn eocd_candidates(tail: &[u8], tail_start: u64) -> Vec<(u64, Eocd)> {
    let Some(last) = tail.len().checked_sub(EOCD_LEN) else { return Vec::new() };
    (0..=last)
        .rev()
        .filter(|&i| tail[i..i + 4] == SIG_EOCD.to_le_bytes())
        .filter_map(|i| Eocd::parse(&tail[i..]).map(|e| (tail_start + i as u64, e)))
        .collect()
}

impl Parser {
    // -- 4.3.16 End of central directory ------------------------------------------------------------

    /// The tail of the file: (1) every end-record candidate, (2) the one Go's reader takes, (3) where the
    /// others would mislead another reader, (4) the comment, (5) what follows it, (6) the record's fields,
    /// (7) a ZIP64 locator the record does not need, (8) the next state.
    pub(super) fn on_tail(&mut self, tail: &[u8]) -> State {
        let tail_start = self.size - tail.len() as u64;
        let candidates = eocd_candidates(tail, tail_start);
        // Go's reader takes the last signature whose comment fits in the file; Info-ZIP and Python take
        // the last signature. Choose as Go does, and report where the others would differ.
        let fits = |pos: u64, e: &Eocd| pos + EOCD_LEN as u64 + u64::from(e.comment_len) <= self.size;
        let Some(chosen) = candidates.iter().position(|(pos, e)| fits(*pos, e)) else {
            let finding = self.no_end_record(tail.len(), candidates.first());
            self.push(finding);
            return State::Done;
        };
        let (pos, eocd) = candidates[chosen].clone();
        self.other_candidates(&candidates, chosen);
        let comment_start = (pos - tail_start) as usize + EOCD_LEN;
        let comment = &tail[comment_start..comment_start + eocd.comment_len as usize];
        self.comment_signatures(comment);
        self.out.comment = String::from_utf8_lossy(comment).into_owned();
        self.comment_end = pos + EOCD_LEN as u64 + u64::from(eocd.comment_len);
        self.data_after(&tail[(self.comment_end - tail_start) as usize..]);
        self.eocd_pos = pos;
        self.cd_end = pos;
        self.cd_count = u64::from(eocd.entries);
        self.out.cd_offset = u64::from(eocd.cd_offset);
        self.out.cd_size = u64::from(eocd.cd_size);
        self.eocd = Some(eocd.clone());
        let zip64_needed = eocd.wants_zip64();
        if !zip64_needed && (eocd.disk != 0 || eocd.cd_disk != 0) {
            return self.multi_disk(0);
        }
        if !zip64_needed && eocd.entries_on_disk != eocd.entries {
            self.push(found::count_mismatch("the end record's entry counts disagree (this disk vs. total)")
                .with("entries_on_disk", eocd.entries_on_disk)
                .with("entries", eocd.entries));
            return State::Done;
        }
        let before = (pos - tail_start) as usize;
        let locator = before.checked_sub(ZIP64_LOCATOR_LEN).and_then(|at| Zip64Locator::parse(&tail[at..]));
        if let (false, Some(loc)) = (zip64_needed, locator) {
            self.unneeded_locator(&loc, tail, tail_start);
        }
        // Like Go's reader, follow the ZIP64 locator only when a classic field is saturated: names may
        // legitimately contain the locator's signature (zip2's zip64_magic_in_filename cases).
        if zip64_needed && pos >= ZIP64_LOCATOR_LEN as u64 {
            State::Locator
        } else {
            self.central_or_done()
        }
    }

    /// No candidate fits the file: not a ZIP, or an end record whose comment runs past the end.
    fn no_end_record(&self, searched: usize, last: Option<&(u64, Eocd)>) -> Finding {
        match last {
            None => f(
                codes::NOT_A_ZIP,
                Severity::Critical,
                "",
                "no end-of-central-directory record: not a ZIP archive, or truncated",
            )
            .with("searched_bytes", searched),
            Some((pos, e)) => f(
                codes::EOCD_COMMENT_LENGTH,
                Severity::Critical,
                "",
                format!(
                    "the end-of-central-directory record at {pos} declares a {}-byte comment but only {} bytes follow it",
                    e.comment_len,
                    self.size - pos - EOCD_LEN as u64
                ),
            )
            .with("offset", *pos),
        }
    }

    /// Candidates other than the `chosen` one that another reader would take.
    fn other_candidates(&mut self, candidates: &[(u64, Eocd)], chosen: usize) {
        let (pos, eocd) = &candidates[chosen];
        for (other, e) in &candidates[..chosen] {
            // Candidates after the chosen one: in its comment, or in data after it (CPython takes the last).
            let in_comment = *other < pos + EOCD_LEN as u64 + u64::from(eocd.comment_len);
            let (code, message) = if in_comment {
                (codes::COMMENT_HIDES_SIGNATURE, "the archive comment contains an end-of-central-directory signature".to_owned())
            } else {
                (codes::EOCD_COMMENT_LENGTH, format!("an end-of-central-directory record at {other} declares a comment longer than the file"))
            };
            self.push(f(code, Severity::High, "", message).with("offset", *other).with("comment_len", e.comment_len));
        }
        for (other, e) in &candidates[chosen + 1..] {
            // Earlier candidates: ambiguous when one would be chosen by a reader that wants an exact fit
            // and it points at a different directory.
            let exact = other + EOCD_LEN as u64 + u64::from(e.comment_len) == self.size;
            let differs = (e.cd_offset, e.cd_size, e.entries) != (eocd.cd_offset, eocd.cd_size, eocd.entries);
            if exact && differs && u64::from(e.cd_offset) + u64::from(e.cd_size) <= *other {
                self.push(
                    f(codes::EOCD_AMBIGUOUS, Severity::Critical, "", "two end-of-central-directory records describe different central directories")
                        .with("chosen_offset", *pos)
                        .with("other_offset", *other),
                );
            }
        }
    }

    /// ZIP signatures in the archive comment: a reader that scans for them finds records that are not.
    fn comment_signatures(&mut self, comment: &[u8]) {
        for (sig, what) in [
            (SIG_CENTRAL, "central directory"),
            (SIG_LOCAL, "local file header"),
            (SIG_ZIP64_EOCD, "ZIP64 record"),
            (SIG_ZIP64_LOCATOR, "ZIP64 locator"),
        ] {
            if comment.windows(4).any(|w| w == sig.to_le_bytes()) {
                self.push(
                    f(codes::COMMENT_HIDES_SIGNATURE, Severity::High, "", format!("the archive comment contains a {what} signature"))
                        .with("signature", format!("{sig:#010x}")),
                );
            }
        }
    }

    /// Bytes after the end record and its comment. Zeros only: block padding (bsdtar pads what it writes to
    /// a pipe to 10 KiB blocks), which every reader skips; anything else may be a second archive or a
    /// payload some tool reads.
    fn data_after(&mut self, after: &[u8]) {
        if after.is_empty() {
            return;
        }
        let (severity, what) = if after.iter().all(|&b| b == 0) {
            (Severity::Low, "zero bytes of padding")
        } else {
            (Severity::Medium, "bytes")
        };
        self.push(
            f(codes::DATA_AFTER_EOCD, severity, "", format!("{} {what} follow the end of the archive", after.len()))
                .with("offset", self.comment_end)
                .with("length", after.len()),
        );
    }

    /// A ZIP64 locator before an end record that needs none. CPython follows it: if it leads to a valid
    /// record describing another directory, CPython and Go read different entries (ambiguity); one that
    /// points past itself is invalid; one that leads nowhere makes CPython fail; one whose record agrees
    /// (Info-ZIP's `zip -fz`) is fine, and the directory ends where that record starts.
    fn unneeded_locator(&mut self, loc: &Zip64Locator, tail: &[u8], tail_start: u64) {
        let eocd = self.eocd.clone().expect("set before");
        let record = loc.eocd_offset.checked_sub(tail_start).and_then(|at| tail.get(at as usize..)).and_then(Zip64Eocd::parse);
        let classic = (u64::from(eocd.entries), u64::from(eocd.cd_size), u64::from(eocd.cd_offset));
        let differs = record.as_ref().is_some_and(|z| (z.entries, z.cd_size, z.cd_offset) != classic);
        let locator_at = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
        let past_itself = loc.eocd_offset.saturating_add(ZIP64_EOCD_LEN as u64) > locator_at;
        let (code, severity, message) = if differs {
            (codes::EOCD_AMBIGUOUS, Severity::Critical, "a ZIP64 record that the end record does not need describes another central directory; CPython reads that one")
        } else if past_itself {
            (codes::ZIP64_INVALID, Severity::Critical, "a ZIP64 locator points past itself (or past the end of the file)")
        } else if record.is_none() {
            (codes::ZIP64_UNEXPECTED_LOCATOR, Severity::Medium, "a ZIP64 locator precedes an end record that needs none, and no ZIP64 record is where it points; readers that always follow it (CPython) fail")
        } else {
            self.out.zip64 = true;
            self.cd_end = loc.eocd_offset;
            return;
        };
        self.push(f(code, severity, "", message).with("offset", locator_at).with("record_offset", loc.eocd_offset));
    }

    pub(super) fn multi_disk(&mut self, disk: u64) -> State {
        let e = self.eocd.clone().unwrap_or(Eocd {
            disk: 0,
            cd_disk: 0,
            entries_on_disk: 0,
            entries: 0,
            cd_size: 0,
            cd_offset: 0,
            comment_len: 0,
        });
        self.push(
            f(
                codes::MULTI_DISK,
                Severity::Critical,
                "",
                "the archive claims to span several disks (the last piece of a split or spanned archive, as `zip -s` writes): only single-file archives can be verified; join the pieces into one archive",
            )
            .with("disk", u64::from(e.disk).max(disk))
            .with("central_directory_disk", e.cd_disk),
        );
        State::Done
    }

    // -- 4.3.15 / 4.3.14 ZIP64 ---------------------------------------------------------------------------

    pub(super) fn on_locator(&mut self, data: &[u8]) -> State {
        let Some(loc) = Zip64Locator::parse(data) else {
            return self.no_locator();
        };
        if loc.disks > 1 || loc.eocd_disk != 0 {
            return self.multi_disk(u64::from(loc.eocd_disk));
        }
        self.out.zip64 = true;
        let record_end = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
        if loc.eocd_offset.saturating_add(ZIP64_EOCD_LEN as u64) > record_end {
            self.push(found::zip64_invalid("the ZIP64 locator points past itself", loc.eocd_offset));
            return State::Done;
        }
        self.zip64_stated = loc.eocd_offset;
        State::Zip64Record {
            offset: loc.eocd_offset,
        }
    }

    /// The end record saturates a field but no ZIP64 locator precedes it (Info-ZIP's `zip -fz` writing to a
    /// pipe leaves the directory's offset at 0xFFFFFFFF). A saturated offset is then taken where the
    /// directory's size puts it, right before the end record, as CPython does and Info-ZIP does after its
    /// warning; the entries are the same for every reader, so this is low.
    fn no_locator(&mut self) -> State {
        let Some(eocd) = self.eocd.clone() else { return self.central_or_done() };
        if eocd.cd_offset == u32::MAX && eocd.cd_size != u32::MAX && u64::from(eocd.cd_size) <= self.eocd_pos {
            self.out.cd_offset = self.eocd_pos - u64::from(eocd.cd_size);
            self.push(
                f(
                    codes::ZIP64_LOCATOR_MISSING,
                    Severity::Low,
                    "",
                    "the end record's directory offset is 0xFFFFFFFF but no ZIP64 record follows; the directory is read where its size places it",
                )
                .with("central_directory_offset", self.out.cd_offset),
            );
        }
        self.central_or_done()
    }

    pub(super) fn on_zip64_search(&mut self, data: &[u8]) -> State {
        // The record must end where the locator starts: its size field (4.3.14.1) says so.
        let record_end = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
        let start = record_end - data.len() as u64;
        for i in (0..data.len().saturating_sub(ZIP64_EOCD_LEN - 1)).rev() {
            if u32_at(data, i) == Some(SIG_ZIP64_EOCD)
                && u64_at(data, i + 4).and_then(|n| n.checked_add(start + i as u64 + 12)) == Some(record_end)
            {
                return self.on_zip64(start + i as u64, &data[i..]);
            }
        }
        self.push(found::zip64_invalid("no ZIP64 end-of-central-directory record where the locator points", self.zip64_stated));
        State::Done
    }

    pub(super) fn on_zip64(&mut self, offset: u64, data: &[u8]) -> State {
        let Some(z) = Zip64Eocd::parse(data) else {
            // Prepended data shifts the record too: look for it just before the locator.
            return State::Zip64Search;
        };
        if z.disk != 0 || z.cd_disk != 0 || z.entries_on_disk != z.entries {
            return self.multi_disk(u64::from(z.disk));
        }
        let eocd = self.eocd.clone().expect("EOCD parsed before ZIP64");
        let mut contradictions = Vec::new();
        if eocd.entries != u16::MAX && u64::from(eocd.entries) != z.entries {
            contradictions.push(("entries", u64::from(eocd.entries), z.entries));
        }
        if eocd.cd_size != u32::MAX && u64::from(eocd.cd_size) != z.cd_size {
            contradictions.push(("central directory size", u64::from(eocd.cd_size), z.cd_size));
        }
        if eocd.cd_offset != u32::MAX && u64::from(eocd.cd_offset) != z.cd_offset {
            contradictions.push(("central directory offset", u64::from(eocd.cd_offset), z.cd_offset));
        }
        for (what, classic, wide) in contradictions {
            self.push(
                f(
                    codes::ZIP64_MISMATCH,
                    Severity::High,
                    "",
                    format!("the ZIP64 record and the classic record disagree on the {what}"),
                )
                .with("classic", classic)
                .with("zip64", wide),
            );
        }
        self.cd_count = z.entries;
        self.out.cd_offset = z.cd_offset;
        self.out.cd_size = z.cd_size;
        self.cd_end = offset;
        self.central_or_done()
    }
}
