//! The warning given when the sandbox listens beyond this computer. It answers anyone
//! who can reach it, with demo tokens printed in its log and fault switches anyone can
//! flip: on `0.0.0.0` or a LAN address that is every machine of the café's Wi-Fi.

use std::net::SocketAddr;

/// The warning for listening on `addr`, or `None` on a loopback address.
pub fn warning(addr: SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    Some(format!(
        "WARNING: the sandbox listens on {addr}, beyond this computer: anyone who can reach \
         this address can read and change its demo store and switch its faults. Use \
         --addr 127.0.0.1:PORT unless other machines must reach it."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_non_loopback_address_is_warned_about() {
        assert_eq!(warning("127.0.0.1:8080".parse().unwrap()), None);
        assert_eq!(warning("[::1]:8080".parse().unwrap()), None);
        let everywhere = warning("0.0.0.0:8080".parse().unwrap()).expect("a warning");
        assert!(everywhere.contains("0.0.0.0:8080"), "{everywhere}");
        assert!(warning("192.168.1.20:8080".parse().unwrap()).is_some());
        assert!(warning("[::]:8080".parse().unwrap()).is_some());
    }
}
