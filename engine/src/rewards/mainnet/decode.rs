//! Decoding the binary asset (format v1, byte by byte in `docs/mainnet-data.md`).
//!
//! Header (68 bytes, little-endian): magic `ETMAINNT`, version `u16` (1), header length
//! `u16` (68), body length `u32`, first slot `u64`, last slot `u64`, first block `u64`,
//! blocks, missed slots, blocks with a value, without MEV-Boost, unknown, labels (six
//! `u32`), then the CRC-32 (IEEE) of every other byte of the file (header bytes 0–63,
//! then the body). Body: the labels (LEB128 length + UTF-8 each), the missed slots (LEB128
//! gaps, the first from the first slot), then one record a block in slot order: LEB128
//! `label << 2 | status` (0 value, 1 no MEV-Boost, 2 unknown), and LEB128 gwei after a
//! status 0.

use super::{entities, MainnetData, SlotStatus};
use crate::error::{EngineError, Result};

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"ETMAINNT";
/// The format version this decoder reads.
pub const VERSION: u16 = 1;
/// The header's length in bytes.
pub const HEADER_LEN: usize = 68;

const FIELD: &str = "mainnet data";
/// Marks a missed slot while the records are read.
const MISSED_MARK: u8 = 0xFF;

fn bad(msg: impl Into<String>) -> EngineError {
    EngineError::invalid(FIELD, msg)
}

const CRC_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// The CRC-32 (IEEE 802.3, as zlib's `crc32`) of `parts` concatenated.
///
/// ```
/// use et_engine::rewards::mainnet::decode::crc32;
/// assert_eq!(crc32(&[b"123456789"]), 0xCBF4_3926);
/// ```
pub fn crc32(parts: &[&[u8]]) -> u32 {
    let mut c = !0u32;
    for part in parts {
        for &b in *part {
            c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
        }
    }
    !c
}

/// A cursor over the file that names the byte where it runs out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| bad(format!("truncated at byte {}", self.bytes.len())))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2 bytes")))
    }

    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    /// An unsigned LEB128 of at most ten bytes.
    #[inline]
    fn varint(&mut self) -> Result<u64> {
        let (mut v, mut shift) = (0u64, 0u32);
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(bad(format!("truncated at byte {}", self.bytes.len())));
            };
            self.at += 1;
            if shift == 63 && b > 1 {
                return Err(bad(format!("varint overflows 64 bits at byte {}", self.at - 1)));
            }
            v |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
}

/// The header's counts.
struct Header {
    first_slot: u64,
    last_slot: u64,
    first_block: u64,
    counts: [u32; 5],
    labels: u32,
}

fn header(r: &mut Reader<'_>) -> Result<Header> {
    if r.bytes.len() < HEADER_LEN {
        return Err(bad(format!(
            "truncated at byte {} (the header has {HEADER_LEN})",
            r.bytes.len()
        )));
    }
    if r.take(8)? != MAGIC {
        return Err(bad("not ET Explorer mainnet data (bad magic number)"));
    }
    let version = r.u16()?;
    if version != VERSION {
        return Err(bad(format!(
            "format version {version} is not supported (expected {VERSION})"
        )));
    }
    if r.u16()? as usize != HEADER_LEN {
        return Err(bad(format!("header length is not {HEADER_LEN}")));
    }
    let body = r.u32()? as usize;
    if r.bytes.len() != HEADER_LEN + body {
        let expect = HEADER_LEN + body;
        return Err(match r.bytes.len() < expect {
            true => bad(format!("truncated at byte {} of {expect}", r.bytes.len())),
            false => bad(format!("{} bytes, expected {expect}", r.bytes.len())),
        });
    }
    let (first_slot, last_slot, first_block) = (r.u64()?, r.u64()?, r.u64()?);
    let mut counts = [0u32; 5];
    for c in &mut counts {
        *c = r.u32()?;
    }
    let labels = r.u32()?;
    let crc = r.u32()?;
    let actual = crc32(&[&r.bytes[..HEADER_LEN - 4], &r.bytes[HEADER_LEN..]]);
    if crc != actual {
        return Err(bad(format!(
            "checksum mismatch (CRC-32 {actual:08x}, expected {crc:08x}): corrupt download"
        )));
    }
    let span = last_slot.checked_sub(first_slot).and_then(|s| s.checked_add(1));
    if span != Some(counts[0] as u64 + counts[1] as u64) || counts[0] == 0 {
        return Err(bad("the slot range does not equal blocks + missed slots"));
    }
    if labels >= u16::MAX as u32 {
        return Err(bad(format!("{labels} labels is more than the format allows")));
    }
    Ok(Header {
        first_slot,
        last_slot,
        first_block,
        counts,
        labels,
    })
}

impl MainnetData {
    /// Decodes and validates the binary asset: magic, version, length, CRC-32, every
    /// record, and the header's counts against the records. Errors name `mainnet data`
    /// (e.g. "mainnet data: truncated at byte 1000 of 6119497").
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader { bytes, at: 0 };
        let h = header(&mut r)?;
        let labels = read_labels(&mut r, h.labels)?;
        let span = (h.last_slot - h.first_slot + 1) as usize;
        let mut data = MainnetData {
            first_slot: h.first_slot,
            first_block: h.first_block,
            status: vec![0; span],
            gwei: vec![0; span],
            label: vec![0; span],
            label_entity: Vec::new(),
            entities: Vec::new(),
            labels,
        };
        let missed = read_missed(&mut r, &h, &mut data.status)?;
        let counts = read_blocks(&mut r, &mut data)?;
        if counts != [h.counts[2], h.counts[3], h.counts[4]] || missed != h.counts[1] {
            return Err(bad("the records' counts differ from the header's"));
        }
        if r.at != bytes.len() {
            return Err(bad(format!("{} bytes left after the last record", bytes.len() - r.at)));
        }
        (data.label_entity, data.entities) = entities::resolve(&data.labels);
        Ok(data)
    }
}

fn read_labels(r: &mut Reader<'_>, n: u32) -> Result<Vec<String>> {
    let mut labels = Vec::with_capacity(n as usize + 1);
    labels.push(String::new());
    for i in 1..=n {
        let len = r.varint()?;
        let raw = r.take(usize::try_from(len).unwrap_or(usize::MAX))?;
        let s = std::str::from_utf8(raw).map_err(|_| bad(format!("label {i} is not UTF-8")))?;
        labels.push(s.to_string());
    }
    Ok(labels)
}

/// Marks the missed slots (strictly inside the range: the first and last slots have blocks).
fn read_missed(r: &mut Reader<'_>, h: &Header, status: &mut [u8]) -> Result<u32> {
    let mut slot = h.first_slot;
    for _ in 0..h.counts[1] {
        let gap = r.varint()?;
        slot = match slot.checked_add(gap) {
            Some(s) if gap > 0 && s < h.last_slot => s,
            _ => return Err(bad(format!("missed-slot gap {gap} out of range at byte {}", r.at))),
        };
        status[(slot - h.first_slot) as usize] = MISSED_MARK;
    }
    Ok(h.counts[1])
}

/// Reads one record a non-missed slot; returns the counts of statuses 0, 1, 2.
fn read_blocks(r: &mut Reader<'_>, d: &mut MainnetData) -> Result<[u32; 3]> {
    let labels = d.labels.len() as u64;
    let mut counts = [0u32; 3];
    for i in 0..d.status.len() {
        if d.status[i] == MISSED_MARK {
            d.status[i] = SlotStatus::Missed as u8;
            continue;
        }
        let tag = r.varint()?;
        let (label, status) = (tag >> 2, (tag & 3) as u8);
        if status == 3 || label >= labels {
            return Err(bad(format!("bad record (tag {tag}) at byte {}", r.at)));
        }
        if status == 0 {
            let g = r.varint()?;
            if g >= 1 << 53 {
                return Err(bad(format!("value {g} gwei out of range at byte {}", r.at)));
            }
            d.gwei[i] = g;
        }
        d.status[i] = status;
        d.label[i] = label as u16;
        counts[status as usize] += 1;
    }
    Ok(counts)
}
