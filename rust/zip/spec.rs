//! ZIP records as APPNOTE.TXT 6.3.10 defines them, decoded from byte slices. Nothing here reads a file:
//! every function takes the bytes it needs and returns `None` when they are too short or the signature
//! is wrong, so the caller decides what that means (a finding, or a request for more bytes).

/// 4.3.7 Local file header signature.
pub const SIG_LOCAL: u32 = 0x0403_4b50;
/// 4.3.9.3 Optional data descriptor signature.
pub const SIG_DESCRIPTOR: u32 = 0x0807_4b50;
/// 4.3.12 Central directory file header signature.
pub const SIG_CENTRAL: u32 = 0x0201_4b50;
/// 4.3.14 Zip64 end of central directory record signature.
pub const SIG_ZIP64_EOCD: u32 = 0x0606_4b50;
/// 4.3.15 Zip64 end of central directory locator signature.
pub const SIG_ZIP64_LOCATOR: u32 = 0x0706_4b50;
/// 4.3.16 End of central directory record signature.
pub const SIG_EOCD: u32 = 0x0605_4b50;

/// 4.3.16: fixed part of the EOCD record.
pub const EOCD_LEN: usize = 22;
/// 4.3.15: the ZIP64 locator is fixed-size.
pub const ZIP64_LOCATOR_LEN: usize = 20;
/// 4.3.14: fixed part of the ZIP64 EOCD record (the extensible data sector follows).
pub const ZIP64_EOCD_LEN: usize = 56;
/// 4.3.12: fixed part of a central directory header.
pub const CENTRAL_LEN: usize = 46;
/// 4.3.7: fixed part of a local file header.
pub const LOCAL_LEN: usize = 30;

/// 4.4.4 General purpose bit flags.
pub const FLAG_ENCRYPTED: u16 = 1 << 0;
pub const FLAG_DESCRIPTOR: u16 = 1 << 3;
pub const FLAG_STRONG_ENCRYPTION: u16 = 1 << 6;
pub const FLAG_UTF8: u16 = 1 << 11;
/// Bits whose disagreement between the local and central header changes how an extractor reads the entry.
pub const FLAGS_THAT_MATTER: u16 = FLAG_ENCRYPTED | FLAG_DESCRIPTOR | FLAG_STRONG_ENCRYPTION | FLAG_UTF8;

/// 4.4.5 Compression methods shipgate names in findings.
pub const METHOD_STORED: u16 = 0;
pub const METHOD_DEFLATE: u16 = 8;
/// APPNOTE 4.4.5 lists these; shipgate does not decode them.
pub fn method_name(method: u16) -> &'static str {
    match method {
        0 => "stored",
        1 => "shrunk",
        2..=5 => "reduced",
        6 => "imploded",
        8 => "deflate",
        9 => "deflate64",
        12 => "bzip2",
        14 => "lzma",
        93 => "zstd",
        95 => "xz",
        96 => "jpeg",
        97 => "wavpack",
        98 => "ppmd",
        99 => "aes",
        _ => "unknown",
    }
}

/// 4.4.2 "version made by" upper byte: the host whose attribute format `external_attributes` uses.
pub const HOST_UNIX: u8 = 3;
pub const HOST_OSX: u8 = 19;

/// 4.5.3 Zip64 extended information; 4.6.9 Info-ZIP Unicode Path; Info-ZIP extended timestamp (`UT`);
/// 4.5.5 NTFS; Info-ZIP Unix type 1 (`UX`).
pub const EXTRA_ZIP64: u16 = 0x0001;
pub const EXTRA_NTFS: u16 = 0x000a;
pub const EXTRA_UNICODE_PATH: u16 = 0x7075;
pub const EXTRA_TIMESTAMP: u16 = 0x5455;
pub const EXTRA_UNIX1: u16 = 0x5855;
/// WinZip AES (APPNOTE 4.4.5 method 99 with this extra field).
pub const EXTRA_AES: u16 = 0x9901;

pub fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
pub fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
pub fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// 4.3.16 End of central directory record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Eocd {
    pub disk: u16,
    pub cd_disk: u16,
    pub entries_on_disk: u16,
    pub entries: u16,
    pub cd_size: u32,
    pub cd_offset: u32,
    pub comment_len: u16,
}

impl Eocd {
    pub fn parse(b: &[u8]) -> Option<Eocd> {
        if u32_at(b, 0)? != SIG_EOCD {
            return None;
        }
        Some(Eocd {
            disk: u16_at(b, 4)?,
            cd_disk: u16_at(b, 6)?,
            entries_on_disk: u16_at(b, 8)?,
            entries: u16_at(b, 10)?,
            cd_size: u32_at(b, 12)?,
            cd_offset: u32_at(b, 16)?,
            comment_len: u16_at(b, 20)?,
        })
    }

    /// 4.4.1.4: a field at its maximum says "look in the ZIP64 record".
    pub fn wants_zip64(&self) -> bool {
        self.disk == u16::MAX
            || self.cd_disk == u16::MAX
            || self.entries_on_disk == u16::MAX
            || self.entries == u16::MAX
            || self.cd_size == u32::MAX
            || self.cd_offset == u32::MAX
    }
}

/// 4.3.15 Zip64 end of central directory locator.
#[derive(Clone, Debug)]
pub struct Zip64Locator {
    pub eocd_disk: u32,
    pub eocd_offset: u64,
    pub disks: u32,
}

impl Zip64Locator {
    pub fn parse(b: &[u8]) -> Option<Zip64Locator> {
        if u32_at(b, 0)? != SIG_ZIP64_LOCATOR {
            return None;
        }
        Some(Zip64Locator {
            eocd_disk: u32_at(b, 4)?,
            eocd_offset: u64_at(b, 8)?,
            disks: u32_at(b, 16)?,
        })
    }
}

/// 4.3.14 Zip64 end of central directory record.
#[derive(Clone, Debug)]
pub struct Zip64Eocd {
    pub disk: u32,
    pub cd_disk: u32,
    pub entries_on_disk: u64,
    pub entries: u64,
    pub cd_size: u64,
    pub cd_offset: u64,
}

impl Zip64Eocd {
    pub fn parse(b: &[u8]) -> Option<Zip64Eocd> {
        if u32_at(b, 0)? != SIG_ZIP64_EOCD {
            return None;
        }
        Some(Zip64Eocd {
            disk: u32_at(b, 16)?,
            cd_disk: u32_at(b, 20)?,
            entries_on_disk: u64_at(b, 24)?,
            entries: u64_at(b, 32)?,
            cd_size: u64_at(b, 40)?,
            cd_offset: u64_at(b, 48)?,
        })
    }
}

/// 4.3.12 Central directory file header (fixed part; name, extra and comment follow).
#[derive(Clone, Debug)]
pub struct CentralHeader {
    pub made_by: u16,
    pub flags: u16,
    pub method: u16,
    pub dos_time: u16,
    pub dos_date: u16,
    pub crc32: u32,
    pub compressed_size: u32,
    pub uncompressed_size: u32,
    pub name_len: u16,
    pub extra_len: u16,
    pub comment_len: u16,
    pub disk_start: u16,
    pub external_attributes: u32,
    pub local_offset: u32,
}

impl CentralHeader {
    pub fn parse(b: &[u8]) -> Option<CentralHeader> {
        if u32_at(b, 0)? != SIG_CENTRAL {
            return None;
        }
        Some(CentralHeader {
            made_by: u16_at(b, 4)?,
            flags: u16_at(b, 8)?,
            method: u16_at(b, 10)?,
            dos_time: u16_at(b, 12)?,
            dos_date: u16_at(b, 14)?,
            crc32: u32_at(b, 16)?,
            compressed_size: u32_at(b, 20)?,
            uncompressed_size: u32_at(b, 24)?,
            name_len: u16_at(b, 28)?,
            extra_len: u16_at(b, 30)?,
            comment_len: u16_at(b, 32)?,
            disk_start: u16_at(b, 34)?,
            external_attributes: u32_at(b, 38)?,
            local_offset: u32_at(b, 42)?,
        })
    }

    pub fn variable_len(&self) -> usize {
        self.name_len as usize + self.extra_len as usize + self.comment_len as usize
    }
}

/// 4.3.7 Local file header (fixed part; name and extra follow).
#[derive(Clone, Debug)]
pub struct LocalHeader {
    pub flags: u16,
    pub method: u16,
    pub crc32: u32,
    pub compressed_size: u32,
    pub uncompressed_size: u32,
    pub name_len: u16,
    pub extra_len: u16,
}

impl LocalHeader {
    /// (compressed, uncompressed) sizes: the header's, or the ZIP64 extra field's where the header's are
    /// saturated (4.5.3). `extra` is the header's extra block.
    pub fn sizes(&self, extra: &[u8]) -> (u64, u64) {
        let (fields, _) = extra_fields(extra);
        let zip64 = fields.iter().find(|x| x.id == EXTRA_ZIP64).map(|x| {
            zip64_extra(
                x.data,
                self.uncompressed_size == u32::MAX,
                self.compressed_size == u32::MAX,
                false,
            )
        });
        let zip64 = zip64.unwrap_or_default();
        (
            zip64.compressed_size.unwrap_or(u64::from(self.compressed_size)),
            zip64.uncompressed_size.unwrap_or(u64::from(self.uncompressed_size)),
        )
    }

    pub fn parse(b: &[u8]) -> Option<LocalHeader> {
        if u32_at(b, 0)? != SIG_LOCAL {
            return None;
        }
        Some(LocalHeader {
            flags: u16_at(b, 6)?,
            method: u16_at(b, 8)?,
            crc32: u32_at(b, 14)?,
            compressed_size: u32_at(b, 18)?,
            uncompressed_size: u32_at(b, 22)?,
            name_len: u16_at(b, 26)?,
            extra_len: u16_at(b, 28)?,
        })
    }
}

/// 4.3.9 Data descriptor, with or without its optional signature, 32- or 64-bit sizes (4.3.9.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Descriptor {
    pub crc32: u32,
    pub compressed_size: u64,
    pub uncompressed_size: u64,
    /// Bytes the descriptor occupies.
    pub len: u64,
}

impl Descriptor {
    /// Decode the descriptor at the start of `b`. Without a signature the first word is the CRC, so a
    /// CRC that happens to equal the signature is ambiguous: `expected_crc` resolves it the way Info-ZIP
    /// does (a signature is assumed when the word after it equals the known CRC).
    pub fn parse(b: &[u8], zip64: bool, expected_crc: u32) -> Option<Descriptor> {
        let signed = u32_at(b, 0)? == SIG_DESCRIPTOR && u32_at(b, 4) == Some(expected_crc);
        let at = if signed { 4 } else { 0 };
        let crc32 = u32_at(b, at)?;
        let (compressed_size, uncompressed_size, sizes) = if zip64 {
            (u64_at(b, at + 4)?, u64_at(b, at + 12)?, 16)
        } else {
            (u64::from(u32_at(b, at + 4)?), u64::from(u32_at(b, at + 8)?), 8)
        };
        Some(Descriptor {
            crc32,
            compressed_size,
            uncompressed_size,
            len: (at + 4 + sizes) as u64,
        })
    }
}

/// One extra field (4.5.1): header id and its data.
pub struct ExtraField<'a> {
    pub id: u16,
    pub data: &'a [u8],
}

/// Split an extra-field block. A field whose declared length runs past the block ends the walk and
/// sets `malformed` (yauzl: "extra field length exceeds extra field buffer size").
pub fn extra_fields(block: &[u8]) -> (Vec<ExtraField<'_>>, bool) {
    let mut out = Vec::new();
    let mut at = 0usize;
    while at + 4 <= block.len() {
        let id = u16_at(block, at).unwrap_or(0);
        let len = u16_at(block, at + 2).unwrap_or(0) as usize;
        let Some(data) = block.get(at + 4..at + 4 + len) else {
            return (out, true);
        };
        out.push(ExtraField { id, data });
        at += 4 + len;
    }
    // Trailing 1-3 bytes are padding some writers (Android's zipalign) leave; not an error.
    (out, false)
}

/// 4.6.9 Info-ZIP Unicode Path extra field, as found among an entry's extra fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnicodePath {
    /// Version 1, with the CRC-32 of the header name it was written for: the UTF-8 name.
    Valid(String),
    /// A CRC of another name (the header name was changed by a tool that kept the extra) or bad UTF-8:
    /// Info-ZIP ignores it, some extractors use it anyway.
    Stale,
}

/// The Unicode path extra among `fields` for the header name `raw_name`, if there is one.
pub fn unicode_path(fields: &[ExtraField<'_>], raw_name: &[u8]) -> Option<UnicodePath> {
    let field = fields.iter().find(|f| f.id == EXTRA_UNICODE_PATH && f.data.len() >= 5 && f.data[0] == 1)?;
    let crc = u32_at(field.data, 1).unwrap_or(0);
    Some(match std::str::from_utf8(&field.data[5..]) {
        Ok(s) if crc == crc32fast::hash(raw_name) => UnicodePath::Valid(s.to_owned()),
        _ => UnicodePath::Stale,
    })
}

/// 4.5.3: the ZIP64 extra holds only the fields whose header value is saturated, in this order.
#[derive(Clone, Debug, Default)]
pub struct Zip64Extra {
    pub uncompressed_size: Option<u64>,
    pub compressed_size: Option<u64>,
    pub local_offset: Option<u64>,
    /// A saturated field whose 8 bytes are missing: the name of the first such field.
    pub missing: Option<&'static str>,
}

pub fn zip64_extra(data: &[u8], usize_sat: bool, csize_sat: bool, offset_sat: bool) -> Zip64Extra {
    let mut out = Zip64Extra::default();
    let mut at = 0usize;
    let mut take = |sat: bool, name: &'static str, missing: &mut Option<&'static str>| -> Option<u64> {
        if !sat {
            return None;
        }
        match u64_at(data, at) {
            Some(v) => {
                at += 8;
                Some(v)
            }
            None => {
                missing.get_or_insert(name);
                None
            }
        }
    };
    let mut missing = None;
    out.uncompressed_size = take(usize_sat, "uncompressed size", &mut missing);
    out.compressed_size = take(csize_sat, "compressed size", &mut missing);
    out.local_offset = take(offset_sat, "relative header offset", &mut missing);
    out.missing = missing;
    out
}

/// Seconds since the Unix epoch from an MS-DOS date and time (4.4.6), read as UTC (the format carries no
/// zone). `None` for impossible dates (month 0, day 0, hour 24...).
pub fn dos_to_unix(date: u16, time: u16) -> Option<i64> {
    let year = 1980 + i64::from(date >> 9);
    let month = i64::from((date >> 5) & 0x0f);
    let day = i64::from(date & 0x1f);
    let hour = i64::from(time >> 11);
    let minute = i64::from((time >> 5) & 0x3f);
    let second = i64::from(time & 0x1f) * 2;
    if !(1..=12).contains(&month) || day == 0 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Howard Hinnant's days-from-civil: days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// NTFS FILETIME (100 ns ticks since 1601-01-01) to Unix seconds.
pub fn filetime_to_unix(ticks: u64) -> i64 {
    (ticks / 10_000_000) as i64 - 11_644_473_600
}

/// IBM PC code page 437, the encoding of names without the UTF-8 flag (APPNOTE appendix D.1).
const CP437_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

pub fn decode_cp437(raw: &[u8]) -> String {
    if raw.is_ascii() {
        return String::from_utf8_lossy(raw).into_owned();
    }
    let high: Vec<char> = CP437_HIGH.chars().collect();
    raw.iter()
        .map(|&b| if b < 0x80 { b as char } else { high[(b - 0x80) as usize] })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dos_dates() {
        // 2018-04-15 19:04:00 (zip-slip.zip's good.txt)
        let date = ((2018 - 1980) << 9) | (4 << 5) | 15;
        let time = (19 << 11) | (4 << 5);
        assert_eq!(dos_to_unix(date, time), Some(1_523_819_040));
        assert_eq!(dos_to_unix(0, 0), None);
        assert_eq!(filetime_to_unix(116_444_736_000_000_000), 0);
    }

    #[test]
    fn cp437_table_is_complete() {
        assert_eq!(CP437_HIGH.chars().count(), 128);
        assert_eq!(decode_cp437(b"a\x81b"), "aüb");
    }

    #[test]
    fn descriptor_with_and_without_signature() {
        let mut signed = SIG_DESCRIPTOR.to_le_bytes().to_vec();
        signed.extend_from_slice(&7u32.to_le_bytes());
        signed.extend_from_slice(&5u32.to_le_bytes());
        signed.extend_from_slice(&9u32.to_le_bytes());
        let d = Descriptor::parse(&signed, false, 7).unwrap();
        assert_eq!(
            d,
            Descriptor {
                crc32: 7,
                compressed_size: 5,
                uncompressed_size: 9,
                len: 16
            }
        );
        let d = Descriptor::parse(&signed[4..], false, 7).unwrap();
        assert_eq!(d.len, 12);
        assert_eq!(d.compressed_size, 5);
    }

    #[test]
    fn extra_field_overrun_is_reported() {
        let (fields, bad) = extra_fields(&[0x01, 0x00, 0x08, 0x00, 1, 2, 3]);
        assert!(fields.is_empty());
        assert!(bad);
        let z = zip64_extra(&5u64.to_le_bytes(), true, true, false);
        assert_eq!(z.uncompressed_size, Some(5));
        assert_eq!(z.missing, Some("compressed size"));
    }
}
