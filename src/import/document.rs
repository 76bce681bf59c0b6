//! A checked file held in memory for uploading: every record with its rows, the issues
//! on them, and the create item it makes with the cells each value came from. The
//! streaming [`validate_bytes`] finds the encoding, delimiter, mapping and issues; the
//! rows are then read once more to build the items, so both paths share one checker.

use crate::api::Dialect;
use crate::api::wire::{NewLead, NewOrder};

use super::build::{Built, ItemBuilder};
use super::decode::decode;
use super::issue::{Issue, Severity};
use super::mapping::Mapping;
use super::phone::PhoneRules;
use super::records::record_ranges;
use super::table::{Row, TableReader};
use super::target::Target;
use super::validate::{ValidateError, ValidateSettings, Validation, validate_bytes};

/// One record of the file: its rows and its error-severity issues.
#[derive(Debug, Clone)]
pub struct Record {
    pub rows: Vec<Row>,
    /// Errors on the record's cells, or on the whole file (a missing required column).
    pub errors: Vec<Issue>,
}

impl Record {
    /// The file line where the record starts.
    pub fn line(&self) -> u64 {
        self.rows.first().map_or(0, |row| row.line)
    }
}

/// A record turned into a create item, with its errors (empty when it can be sent).
#[derive(Debug, Clone)]
pub struct Candidate<T> {
    pub built: Built<T>,
    pub line: u64,
    pub errors: Vec<Issue>,
}

/// A whole file, checked and split into records.
#[derive(Debug)]
pub struct Document {
    pub validation: Validation,
    pub records: Vec<Record>,
    dialect: Dialect,
    region: String,
}

impl Document {
    /// Reads and checks `bytes` with `settings`.
    pub fn load(bytes: Vec<u8>, settings: &ValidateSettings) -> Result<Document, ValidateError> {
        let validation = validate_bytes(bytes.clone(), settings, None)?;
        let decoded = decode(bytes, Some(validation.encoding))?;
        let kind = settings.kind;
        let mut reader = TableReader::new(&decoded.text, validation.delimiter, |record| {
            Mapping::known_header_count(record.iter(), kind)
        })?;
        let mut rows = Vec::new();
        let mut row = Row::default();
        while reader.next_row(&mut row)? {
            rows.push(std::mem::take(&mut row));
        }
        let group_column = validation.mapping.column_of(Target::GroupBy);
        let file_errors: Vec<&Issue> = validation
            .issues
            .iter()
            .filter(|issue| {
                issue.severity == Severity::Error && issue.line <= validation.header.line
            })
            .collect();
        let mut records = Vec::new();
        for range in record_ranges(&rows, group_column) {
            let record_rows = rows[range].to_vec();
            let lines: Vec<u64> = record_rows.iter().map(|row| row.line).collect();
            let errors = file_errors
                .iter()
                .copied()
                .chain(validation.issues.iter().filter(|issue| {
                    issue.severity == Severity::Error && lines.contains(&issue.line)
                }))
                .cloned()
                .collect();
            records.push(Record {
                rows: record_rows,
                errors,
            });
        }
        Ok(Document {
            validation,
            records,
            dialect: settings.dialect,
            region: settings.region.clone(),
        })
    }

    fn candidates<T>(
        &self,
        build: impl Fn(&ItemBuilder<'_>, &[Row]) -> Built<T>,
    ) -> Vec<Candidate<T>> {
        let Some(phone) = PhoneRules::new(&self.region) else {
            return Vec::new();
        };
        let builder = ItemBuilder::new(&self.validation.mapping, &phone, self.dialect);
        self.records
            .iter()
            .map(|record| Candidate {
                built: build(&builder, &record.rows),
                line: record.line(),
                errors: record.errors.clone(),
            })
            .collect()
    }

    /// Every record as a lead.
    pub fn leads(&self) -> Vec<Candidate<NewLead>> {
        self.candidates(|builder, rows| builder.lead(rows))
    }

    /// Every record as an order.
    pub fn orders(&self) -> Vec<Candidate<NewOrder>> {
        self.candidates(|builder, rows| builder.order(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ResourceName;

    #[test]
    fn records_carry_their_items_and_errors() {
        let file = "full_name,phone,city,address,sku,quantity,total\n\
                    Amina Alaoui,0612345678,Rabat,12 Rue Ibn Sina,ARG-100,2,298\n\
                    Omar,06123,Fès,3 Avenue Hassan II,ARG-100,1,149\n";
        let document = Document::load(
            file.as_bytes().to_vec(),
            &ValidateSettings::new(ResourceName::Leads),
        )
        .unwrap();
        let leads = document.leads();
        assert_eq!(leads.len(), 2);
        assert_eq!(leads[0].line, 2);
        assert!(leads[0].errors.is_empty());
        assert_eq!(leads[0].built.item.full_name, "Amina Alaoui");
        assert_eq!(leads[1].line, 3);
        assert!(!leads[1].errors.is_empty(), "a bad phone is an error");
    }
}
