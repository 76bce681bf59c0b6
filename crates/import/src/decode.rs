//! Bytes → text. Excel writes UTF-8 only with a BOM ("CSV UTF-8"); otherwise it writes
//! the machine's ANSI page (Windows-1252 in France, Windows-1256 on Arabic systems), so
//! anything that is not a BOM or strict UTF-8 is guessed, reported with how sure the
//! guess is, and always overridable.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, WINDOWS_1256};

use super::error::ReadError;
use super::workbook::{self, WorkbookSource, is_workbook};

/// How much of the file the detector looks at: enough for a verdict, cheap on 1 GB.
const DETECTION_SAMPLE: usize = 64 * 1024;
/// How much of the file the binary check looks at.
const BINARY_SAMPLE: usize = 8 * 1024;

/// How the encoding was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// The merchant chose it (`--encoding`).
    Chosen,
    /// A byte order mark said so.
    ByteOrderMark,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// Guessed from the bytes; `sure` is false when the guess is known to be shaky.
    Guessed { sure: bool },
    /// A workbook's cells: text already, no encoding to choose.
    Workbook,
}

impl fmt::Display for EncodingSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EncodingSource::Chosen => "chosen",
            EncodingSource::ByteOrderMark => "byte order mark",
            EncodingSource::ValidUtf8 => "valid UTF-8",
            EncodingSource::Guessed { sure: true } => "guessed, high confidence",
            EncodingSource::Guessed { sure: false } => "guessed, low confidence",
            EncodingSource::Workbook => "workbook cells",
        })
    }
}

/// The file as text, with how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    /// UTF-8 text, kept as bytes: the CSV reader splits bytes, and checking a 100 MB
    /// file once more to make it a `String` would cost a tenth of a second.
    pub text: Vec<u8>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Set when the text is a sheet of a workbook.
    pub workbook: Option<WorkbookSource>,
}

/// Looks an encoding up by any of its WHATWG labels (`utf-8`, `cp1252`, `windows-1256`…).
pub fn encoding_by_label(label: &str) -> Result<&'static Encoding, ReadError> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| ReadError::UnknownEncoding(label.to_string()))
}

/// Turns the file's bytes into text. Takes the bytes by value so valid UTF-8 — the
/// common case and the big-file case — is kept without a copy.
pub fn decode(bytes: Vec<u8>, chosen: Option<&'static Encoding>) -> Result<Decoded, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let bom = Encoding::for_bom(&bytes);
    if bom.is_none() {
        refuse_binary(&bytes)?;
    }
    if let Some(encoding) = chosen {
        let text = decode_with(encoding, bytes);
        return Ok(Decoded {
            text,
            encoding,
            source: EncodingSource::Chosen,
            workbook: None,
        });
    }
    if let Some((encoding, _)) = bom {
        let text = decode_with(encoding, bytes);
        return Ok(Decoded {
            text,
            encoding,
            source: EncodingSource::ByteOrderMark,
            workbook: None,
        });
    }
    if is_utf8(&bytes) {
        return Ok(Decoded {
            text: bytes,
            encoding: UTF_8,
            source: EncodingSource::ValidUtf8,
            workbook: None,
        });
    }
    let (encoding, sure) = guess_single_byte(&bytes);
    let text = decode_with(encoding, bytes);
    Ok(Decoded {
        text,
        encoding,
        source: EncodingSource::Guessed { sure },
        workbook: None,
    })
}

/// A file's bytes as text: a workbook's sheet (`sheet`: a name, a number from 1, or the
/// first that holds a table), or CSV bytes decoded with `chosen` or what they say.
pub fn decode_file(
    bytes: Vec<u8>,
    chosen: Option<&'static Encoding>,
    sheet: Option<&str>,
) -> Result<Decoded, ReadError> {
    if !is_workbook(&bytes) {
        return decode(bytes, chosen);
    }
    let sheet = workbook::read(bytes, sheet)?;
    Ok(Decoded {
        text: sheet.csv,
        encoding: UTF_8,
        source: EncodingSource::Workbook,
        workbook: Some(sheet.source),
    })
}

/// Decodes with `encoding`, dropping a BOM, replacing bytes it cannot map with U+FFFD.
fn decode_with(encoding: &'static Encoding, mut bytes: Vec<u8>) -> Vec<u8> {
    if encoding == UTF_8 {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        if is_utf8(&bytes) {
            return bytes;
        }
        return String::from_utf8_lossy(&bytes).into_owned().into_bytes();
    }
    let (text, _, _) = encoding.decode(&bytes);
    text.into_owned().into_bytes()
}

/// Whether `bytes` are UTF-8, checked in two halves on two cores. Both halves valid, cut
/// where a character starts, is the same as the whole valid.
fn is_utf8(bytes: &[u8]) -> bool {
    let mut middle = bytes.len() / 2;
    while bytes
        .get(middle)
        .is_some_and(|byte| (0x80..0xC0).contains(byte))
    {
        middle += 1;
    }
    let (left, right) = bytes.split_at(middle.min(bytes.len()));
    std::thread::scope(|scope| {
        let right = scope.spawn(|| std::str::from_utf8(right).is_ok());
        std::str::from_utf8(left).is_ok() && right.join().unwrap_or(false)
    })
}

/// chardetng guesses Windows-1252 for a Windows-1256 file when Arabic names are a
/// minority. French text almost never holds three high bytes in a row, Arabic words
/// always do: such runs turn a 1252 guess into 1256, marked unsure.
fn guess_single_byte(bytes: &[u8]) -> (&'static Encoding, bool) {
    let sample = bytes.get(..DETECTION_SAMPLE).unwrap_or(bytes);
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Deny);
    let arabic_like_runs = count_high_byte_runs(sample, 3);
    if guess == WINDOWS_1252 && arabic_like_runs > 0 {
        return (WINDOWS_1256, false);
    }
    let sure = guess == WINDOWS_1256 || sample.iter().filter(|b| !b.is_ascii()).count() >= 16;
    (guess, sure)
}

/// Counts the runs of at least `min_len` consecutive letters in the 0xC0–0xFF range.
fn count_high_byte_runs(bytes: &[u8], min_len: usize) -> usize {
    let mut runs = 0;
    let mut current = 0;
    for &byte in bytes {
        if byte >= 0xC0 {
            current += 1;
            if current == min_len {
                runs += 1;
            }
        } else {
            current = 0;
        }
    }
    runs
}

/// Refuses workbooks and binary files before they become pages of garbage rows. A few
/// stray NUL bytes are left for the row checks, which name the cell.
fn refuse_binary(bytes: &[u8]) -> Result<(), ReadError> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "Excel workbook (.xlsx) or a ZIP archive"),
        (b"\xD0\xCF\x11\xE0", "old Excel workbook (.xls)"),
        (b"%PDF", "PDF document"),
    ];
    for (signature, format) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Err(ReadError::Spreadsheet { format });
        }
    }
    let sample = bytes.get(..BINARY_SAMPLE).unwrap_or(bytes);
    let is_control = |byte: &u8| matches!(byte, 0..=8 | 11 | 12 | 14..=26 | 28..=31 | 127);
    let controls = sample.iter().filter(|byte| is_control(byte)).count();
    if controls * 10 > sample.len() {
        let first = sample.iter().position(is_control).unwrap_or(0);
        let line = 1 + memchr::memchr_iter(b'\n', sample.get(..first).unwrap_or(&[])).count();
        return Err(ReadError::Binary { line: line as u64 });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_without_a_guess() {
        let decoded = decode("Nom;Téléphone\n".as_bytes().to_vec(), None).unwrap();
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.source, EncodingSource::ValidUtf8);
        assert_eq!(decoded.text, "Nom;Téléphone\n".as_bytes());
    }

    #[test]
    fn a_bom_is_dropped_and_reported() {
        let decoded = decode(b"\xEF\xBB\xBFname\n".to_vec(), None).unwrap();
        assert_eq!(decoded.source, EncodingSource::ByteOrderMark);
        assert_eq!(decoded.text, b"name\n");
        let utf16 = decode(b"\xFF\xFEa\x00\n\x00".to_vec(), None).unwrap();
        assert_eq!(utf16.text, b"a\n");
    }

    #[test]
    fn french_ansi_is_guessed_as_1252() {
        let (bytes, _, _) =
            WINDOWS_1252.encode("Nom;Ville;Prix\nAmélie Durand;Fès;12,50\nJérôme;Salé;9\n");
        let decoded = decode(bytes.into_owned(), None).unwrap();
        assert_eq!(decoded.encoding, WINDOWS_1252);
        assert!(String::from_utf8(decoded.text).unwrap().contains("Amélie"));
    }

    #[test]
    fn arabic_minority_is_read_as_1256() {
        let text = "name;city\nJean Dupont;Casablanca\nPaul Martin;Rabat\nمحمد;Fes\n";
        let (bytes, _, _) = WINDOWS_1256.encode(text);
        let decoded = decode(bytes.into_owned(), None).unwrap();
        assert_eq!(decoded.encoding, WINDOWS_1256);
        assert!(String::from_utf8(decoded.text).unwrap().contains("محمد"));
    }

    #[test]
    fn utf8_is_checked_across_the_cut() {
        assert!(is_utf8("ééé".as_bytes()));
        assert!(is_utf8(b""));
        assert!(!is_utf8(b"abc\xC3"));
        assert!(!is_utf8(b"\xC3abcd"));
        assert!(!is_utf8(b"ab\xE2\x82cd"));
    }

    #[test]
    fn the_merchant_choice_wins() {
        let decoded = decode(b"caf\xE9\n".to_vec(), Some(WINDOWS_1252)).unwrap();
        assert_eq!(decoded.source, EncodingSource::Chosen);
        assert_eq!(decoded.text, "café\n".as_bytes());
        assert!(encoding_by_label("cp1256").is_ok());
        assert!(encoding_by_label("klingon").is_err());
    }

    #[test]
    fn workbooks_and_binary_files_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04rest".to_vec(), None),
            Err(ReadError::Spreadsheet { .. })
        ));
        assert!(matches!(
            decode(b"a,b\n\x00\x01\x02\x03\x04\x05".to_vec(), None),
            Err(ReadError::Binary { line: 2 })
        ));
        assert!(matches!(decode(Vec::new(), None), Err(ReadError::Empty)));
        assert!(decode(b"a,b\nx\x00y,z\n1,2\n3,4\n5,6\n7,8\n9,10\n".to_vec(), None).is_ok());
    }
}
