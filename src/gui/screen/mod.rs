//! One module per screen.

pub mod connect;
pub mod records;
pub mod welcome;
