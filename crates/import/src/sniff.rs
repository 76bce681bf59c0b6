//! Which character separates the cells. French Excel writes `;`, and a naive sniffer
//! picks `,` when prices carry decimal commas (`12,50`), so each candidate is scored by
//! how many of the first records agree on the same cell count, counting delimiters
//! outside quotes only.

/// The separators merchants' files use, in the order a tie is broken.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the sniffer looks at.
const SAMPLE_RECORDS: usize = 50;
/// How many bytes at most: the sniff stays instant on a huge file.
const SAMPLE_BYTES: usize = 64 * 1024;

/// The most likely delimiter of `text` (`,` when nothing better shows).
pub fn sniff_delimiter(text: &[u8]) -> u8 {
    let sample = sample_of(text);
    let mut best = (b',', 0usize, 0usize);
    for candidate in CANDIDATES {
        let counts = delimiters_per_record(sample, candidate);
        let (typical, agreeing) = most_common_nonzero(&counts);
        if (agreeing, typical) > (best.1, best.2) {
            best = (candidate, agreeing, typical);
        }
    }
    best.0
}

fn sample_of(text: &[u8]) -> &[u8] {
    text.get(..SAMPLE_BYTES).unwrap_or(text)
}

/// The number of `delimiter`s outside quotes in each non-blank record.
fn delimiters_per_record(sample: &[u8], delimiter: u8) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut in_quotes = false;
    let mut current = 0;
    let mut blank = true;
    for &byte in sample {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                blank = false;
            }
            b'\n' if !in_quotes => {
                if !blank {
                    counts.push(current);
                }
                if counts.len() == SAMPLE_RECORDS {
                    return counts;
                }
                current = 0;
                blank = true;
            }
            b'\r' => {}
            _ if byte == delimiter && !in_quotes => {
                current += 1;
                blank = false;
            }
            _ => blank = false,
        }
    }
    if !blank {
        counts.push(current);
    }
    counts
}

/// The most frequent non-zero count and how many records have it.
fn most_common_nonzero(counts: &[usize]) -> (usize, usize) {
    let mut best = (0, 0);
    for &count in counts.iter().filter(|count| **count > 0) {
        let agreeing = counts.iter().filter(|other| **other == count).count();
        if (agreeing, count) > (best.1, best.0) {
            best = (count, agreeing);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_do_not_fool_it() {
        let text = "Nom;Téléphone;Prix\nAli;0612345678;12,50\nSara;0698765432;9,90\n";
        assert_eq!(sniff_delimiter(text.as_bytes()), b';');
    }

    #[test]
    fn quoted_delimiters_are_ignored() {
        let text =
            "name,address,phone\n\"Ali\",\"12; rue; Fès\",0612\n\"Sara\",\"Bd; Anfa\",0698\n";
        assert_eq!(sniff_delimiter(text.as_bytes()), b',');
    }

    #[test]
    fn tabs_and_pipes_are_found() {
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a|b\n1|2\n"), b'|');
    }

    #[test]
    fn a_single_column_falls_back_to_comma() {
        assert_eq!(sniff_delimiter(b"phone\n0612345678\n"), b',');
        assert_eq!(sniff_delimiter(b""), b',');
    }
}
