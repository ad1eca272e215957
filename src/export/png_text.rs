//! Text chunks in a PNG: a canvas's data URL decoded, `tEXt` chunks (Latin-1 text) or
//! `iTXt` chunks (UTF-8, for titles with Greek letters) inserted before `IEND` with their
//! CRC-32, and encoded back.

const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64 (padding optional; whitespace skipped); `None` on a foreign
/// character.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        if c == b'=' {
            break;
        }
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

/// One chunk: length, type, data, CRC-32 of type and data.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 12);
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(&out[4..]).to_be_bytes());
    out
}

/// A text chunk: `tEXt` when the text is Latin-1 (without NUL), else `iTXt` (UTF-8,
/// uncompressed, no language tag). Keywords are 1–79 Latin-1 characters.
pub fn text_chunk(keyword: &str, text: &str) -> Vec<u8> {
    let keyword: Vec<u8> = keyword
        .chars()
        .filter(|&c| (' '..='~').contains(&c))
        .take(79)
        .map(|c| c as u8)
        .collect();
    let text = text.replace('\0', " ");
    if text.chars().all(|c| (c as u32) < 256) {
        let mut data = keyword;
        data.push(0);
        data.extend(text.chars().map(|c| c as u32 as u8));
        chunk(b"tEXt", &data)
    } else {
        let mut data = keyword;
        // NUL, not compressed, method 0, empty language tag NUL, empty translated keyword NUL.
        data.extend_from_slice(&[0, 0, 0, 0, 0]);
        data.extend_from_slice(text.as_bytes());
        chunk(b"iTXt", &data)
    }
}

/// The offset of the `IEND` chunk, walking the chunks from the signature.
fn iend_offset(png: &[u8]) -> Option<usize> {
    if png.get(..8)? != SIGNATURE {
        return None;
    }
    let mut at = 8;
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        if &png[at + 4..at + 8] == b"IEND" {
            return Some(at);
        }
        at = at.checked_add(12 + len)?;
    }
    None
}

/// `png` with a text chunk for each `(keyword, text)` inserted before `IEND`; an error
/// when it is not a PNG.
pub fn with_text(png: &[u8], texts: &[(&str, String)]) -> Result<Vec<u8>, String> {
    let at = iend_offset(png).ok_or("not a PNG (no IEND chunk)")?;
    let mut out = Vec::with_capacity(png.len() + texts.iter().map(|(k, t)| k.len() + t.len() + 20).sum::<usize>());
    out.extend_from_slice(&png[..at]);
    for (k, t) in texts {
        out.extend(text_chunk(k, t));
    }
    out.extend_from_slice(&png[at..]);
    Ok(out)
}

/// A PNG data URL with the text chunks inserted.
pub fn data_url_with_text(url: &str, texts: &[(&str, String)]) -> Result<String, String> {
    let b64 = url.strip_prefix("data:image/png;base64,").ok_or("not a PNG data URL")?;
    let png = base64_decode(b64).ok_or("the PNG data URL is not base64")?;
    Ok(format!(
        "data:image/png;base64,{}",
        base64_encode(&with_text(&png, texts)?)
    ))
}

/// The text chunks of a PNG, `(type, keyword, text)`, each checked against its CRC
/// (`None` when one does not match or the file is cut short).
pub fn read_text(png: &[u8]) -> Option<Vec<(String, String, String)>> {
    if png.get(..8)? != SIGNATURE {
        return None;
    }
    let (mut at, mut out) = (8, Vec::new());
    while at + 12 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        let body = png.get(at + 4..at + 8 + len)?;
        let crc = u32::from_be_bytes(png.get(at + 8 + len..at + 12 + len)?.try_into().ok()?);
        if crc32(body) != crc {
            return None;
        }
        let (kind, data) = (&body[..4], &body[4..]);
        let nul = data.iter().position(|&b| b == 0);
        match (kind, nul) {
            (b"tEXt", Some(k)) => out.push((
                "tEXt".into(),
                data[..k].iter().map(|&b| b as char).collect(),
                data[k + 1..].iter().map(|&b| b as char).collect(),
            )),
            (b"iTXt", Some(k)) => {
                // Skip the flags and the two NUL-terminated tags after the keyword.
                let rest = data.get(k + 3..)?;
                let lang = rest.iter().position(|&b| b == 0)?;
                let rest = &rest[lang + 1..];
                let tr = rest.iter().position(|&b| b == 0)?;
                out.push((
                    "iTXt".into(),
                    String::from_utf8_lossy(&data[..k]).into(),
                    String::from_utf8_lossy(&rest[tr + 1..]).into(),
                ));
            }
            _ => {}
        }
        if kind == b"IEND" {
            break;
        }
        at += 12 + len;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1 × 1 white PNG (IHDR, IDAT, IEND), as a canvas would give it.
    fn tiny_png() -> Vec<u8> {
        base64_decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")
            .unwrap()
    }

    #[test]
    fn crc32_of_known_strings() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }

    #[test]
    fn base64_round_trips_every_length() {
        for n in 0..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(text.len() % 4, 0);
            assert_eq!(base64_decode(&text).unwrap(), bytes, "{n}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_decode("TQ"), Some(b"M".to_vec()));
        assert_eq!(base64_decode("T!=="), None);
    }

    #[test]
    fn text_chunks_go_before_iend_with_valid_crcs() {
        let png = tiny_png();
        assert_eq!(read_text(&png), Some(vec![]), "the original's CRCs check");
        let texts = [
            ("Title", "Expected value of one ticket".to_string()),
            ("URL", "https://example.org/et/#/ticket-value?n=1000&mv=3".to_string()),
            ("Comment", "mean reward μ = 0.05 — seed 7".to_string()),
        ];
        let out = with_text(&png, &texts).unwrap();
        assert_eq!(&out[out.len() - 12..], &png[png.len() - 12..], "IEND stays last");
        let read = read_text(&out).expect("every CRC checks");
        assert_eq!(read.len(), 3);
        assert_eq!(
            read[0],
            ("tEXt".into(), "Title".into(), "Expected value of one ticket".into())
        );
        assert_eq!(read[1].2, texts[1].1);
        assert_eq!(
            read[2],
            ("iTXt".into(), "Comment".into(), "mean reward μ = 0.05 — seed 7".into())
        );
        // A flipped byte in a chunk is caught by its CRC.
        let mut bad = out.clone();
        let at = out.windows(5).position(|w| w == b"Title").unwrap();
        bad[at + 8] ^= 1;
        assert_eq!(read_text(&bad), None);
        // Through a data URL as the canvas gives it.
        let url = format!("data:image/png;base64,{}", base64_encode(&png));
        let cited = data_url_with_text(&url, &texts).unwrap();
        let back = base64_decode(cited.strip_prefix("data:image/png;base64,").unwrap()).unwrap();
        assert_eq!(back, out);
        assert!(with_text(b"GIF89a", &texts).is_err());
        assert!(data_url_with_text("data:image/jpeg;base64,AAAA", &texts).is_err());
    }

    #[test]
    fn latin1_text_is_stored_as_latin1() {
        let c = text_chunk("Comment", "café");
        assert_eq!(&c[4..8], b"tEXt");
        assert_eq!(
            &c[8..],
            [
                b"Comment\0caf".as_slice(),
                &[0xE9],
                &crc32(&c[4..c.len() - 4]).to_be_bytes()
            ]
            .concat()
        );
    }
}
