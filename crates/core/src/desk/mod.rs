//! The confirmation desk: a merchant's morning of calls, one lead at a time. [`queue`]
//! keeps the leads and the outcomes on their way to the store; [`contact`] turns a phone
//! into WhatsApp and call links.

pub mod contact;
pub mod queue;
