//! `NUMERIC` as `rust_decimal::Decimal` (feature `rust_decimal`).
//!
//! Binary format (big-endian): number of digits (i16), weight (i16: the power of 10000 of the
//! first digit), sign (u16: 0x0000 positive, 0x4000 negative, 0xC000 NaN, 0xD000 +Infinity,
//! 0xF000 -Infinity), display scale (u16: decimal digits after the point), then the digits, each
//! an i16 in base 10000. The value is `Σ digit[i] × 10000^(weight − i)`.
//!
//! Loading is exact: NaN, ±Infinity and values a `Decimal` cannot hold (more than 28 decimal
//! digits after the point, or a mantissa above 2^96 − 1) are errors, never rounded. The loaded
//! value keeps PostgreSQL's display scale where the mantissa allows (`1.50` loads as `1.50`).

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::Decimal;
use quarry::QueryResult;
use rust_decimal::Decimal as RustDecimal;

use super::{check_type, DResult, Reader};
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

const SIGN_POSITIVE: u16 = 0x0000;
const SIGN_NEGATIVE: u16 = 0x4000;
const SIGN_NAN: u16 = 0xC000;
const SIGN_PLUS_INFINITY: u16 = 0xD000;
const SIGN_MINUS_INFINITY: u16 = 0xF000;
/// The bits of the display scale PostgreSQL uses.
const DSCALE_MASK: u16 = 0x3FFF;
const NBASE: u128 = 10_000;
/// The largest scale of a `Decimal`.
const MAX_SCALE: u32 = 28;
/// The largest mantissa of a `Decimal` (96 bits).
const MAX_MANTISSA: u128 = (1 << 96) - 1;

fn malformed(msg: impl Into<String>) -> DeserializeErrorKind {
    DeserializeErrorKind::Malformed(msg.into())
}

fn does_not_fit(why: &str) -> DeserializeErrorKind {
    malformed(format!(
        "the numeric value does not fit a rust_decimal::Decimal: {why}"
    ))
}

/// Decodes a binary `numeric`.
fn decode(bytes: &[u8]) -> DResult<RustDecimal> {
    let mut r = Reader::new(bytes, "numeric");
    let ndigits = r.i16()?;
    let weight = r.i16()?;
    let sign = r.u16()?;
    let dscale = r.u16()?;
    let negative = match sign {
        SIGN_POSITIVE => false,
        SIGN_NEGATIVE => true,
        SIGN_NAN => return Err(malformed("numeric 'NaN' has no rust_decimal::Decimal value")),
        SIGN_PLUS_INFINITY => return Err(malformed("numeric 'Infinity' has no rust_decimal::Decimal value")),
        SIGN_MINUS_INFINITY => {
            return Err(malformed(
                "numeric '-Infinity' has no rust_decimal::Decimal value",
            ))
        }
        other => return Err(malformed(format!("invalid numeric sign 0x{other:04X}"))),
    };
    if dscale & !DSCALE_MASK != 0 {
        return Err(malformed(format!("invalid numeric display scale {dscale}")));
    }
    let ndigits =
        u16::try_from(ndigits).map_err(|_| malformed(format!("invalid numeric digit count {ndigits}")))?;
    // The digits as one integer; a u128 overflow means far more significant digits than a
    // Decimal's 28-29 (digits are at most 9999, so no more than 3 trailing zeros are counted).
    let mut mantissa: u128 = 0;
    for _ in 0..ndigits {
        let digit = r.i16()?;
        let digit = u16::try_from(digit)
            .ok()
            .filter(|&d| u128::from(d) < NBASE)
            .ok_or_else(|| malformed(format!("invalid numeric digit {digit}")))?;
        mantissa = mantissa
            .checked_mul(NBASE)
            .and_then(|m| m.checked_add(u128::from(digit)))
            .ok_or_else(|| does_not_fit("too many significant digits"))?;
    }
    r.finish()?;

    // The power of 10000 of the last digit.
    let last_exponent = i32::from(weight) - (i32::from(ndigits) - 1);
    let (mut m, mut scale) = if ndigits == 0 || mantissa == 0 {
        (0u128, 0u32)
    } else if last_exponent >= 0 {
        let mut m = mantissa;
        for _ in 0..last_exponent {
            m = m
                .checked_mul(NBASE)
                .filter(|&m| m <= MAX_MANTISSA)
                .ok_or_else(|| does_not_fit("too large"))?;
        }
        (m, 0)
    } else {
        (mantissa, last_exponent.unsigned_abs() * 4)
    };

    let display_scale = u32::from(dscale).min(MAX_SCALE);
    if m == 0 {
        scale = display_scale;
    }
    // Drop zeros after the point beyond the display scale (whole base-10000 digits hold up to
    // three of them), then beyond what a Decimal holds.
    while scale > display_scale && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    if scale > MAX_SCALE {
        return Err(does_not_fit("more than 28 digits after the decimal point"));
    }
    // Keep the display scale (`1.50`, `100.000`) as far as the mantissa allows.
    while scale < display_scale {
        match m.checked_mul(10).filter(|&v| v <= MAX_MANTISSA) {
            Some(v) => {
                m = v;
                scale += 1;
            }
            None => break,
        }
    }
    if m > MAX_MANTISSA {
        return Err(does_not_fit("more than 28-29 significant digits"));
    }
    let m = i128::try_from(m).map_err(|_| does_not_fit("too large"))?;
    let m = if negative { -m } else { m };
    RustDecimal::try_from_i128_with_scale(m, scale).map_err(|e| does_not_fit(&e.to_string()))
}

/// Encodes a `Decimal` as a binary `numeric`.
fn encode(value: &RustDecimal) -> Vec<u8> {
    let scale = value.scale();
    let m = value.mantissa().unsigned_abs();
    // The scale is at most 28, so 10^scale and 10^(scale + 3) fit a u128.
    let pow = 10u128.pow(scale);
    let mut int_part = m / pow;
    // The fractional part, padded with zeros to whole base-10000 digits.
    let pad = (4 - scale % 4) % 4;
    let mut frac_part = (m % pow) * 10u128.pow(pad);
    let frac_digits = (scale + pad) / 4;

    let mut int_digits = Vec::new();
    while int_part > 0 {
        int_digits.push((int_part % NBASE) as i16);
        int_part /= NBASE;
    }
    int_digits.reverse();
    let mut frac = Vec::with_capacity(frac_digits as usize);
    for _ in 0..frac_digits {
        frac.push((frac_part % NBASE) as i16);
        frac_part /= NBASE;
    }
    frac.reverse();

    // At most 8 integer digits (mantissas are below 10^29): the weight fits an i16.
    let mut weight = int_digits.len() as i16 - 1;
    let mut digits = int_digits;
    digits.extend(frac);
    // Canonical form: no leading or trailing zero digits.
    let leading = digits.iter().take_while(|&&d| d == 0).count();
    digits.drain(..leading);
    weight -= leading as i16;
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let sign = if digits.is_empty() {
        weight = 0;
        SIGN_POSITIVE
    } else if value.is_sign_negative() {
        SIGN_NEGATIVE
    } else {
        SIGN_POSITIVE
    };

    let mut out = Vec::with_capacity(8 + 2 * digits.len());
    out.extend_from_slice(&(digits.len() as i16).to_be_bytes());
    out.extend_from_slice(&weight.to_be_bytes());
    out.extend_from_slice(&sign.to_be_bytes());
    out.extend_from_slice(&(scale as u16).to_be_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_be_bytes());
    }
    out
}

impl FromSql<Decimal, Pg> for RustDecimal {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &[1700], "NUMERIC")?;
        decode(value.bytes)
    }
}

impl ToSql<Decimal, Pg> for RustDecimal {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::owned(1700, encode(self)))
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(s: &str) -> RustDecimal {
        RustDecimal::from_str(s).unwrap()
    }

    /// A binary numeric from its header and digits.
    fn wire(weight: i16, sign: u16, dscale: u16, digits: &[i16]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(digits.len() as i16).to_be_bytes());
        out.extend_from_slice(&weight.to_be_bytes());
        out.extend_from_slice(&sign.to_be_bytes());
        out.extend_from_slice(&dscale.to_be_bytes());
        for d in digits {
            out.extend_from_slice(&d.to_be_bytes());
        }
        out
    }

    #[test]
    fn encodes_like_postgres() {
        // What `SELECT '<x>'::numeric` sends, from numeric_send.
        assert_eq!(
            encode(&dec("123456789.123456789")),
            wire(2, 0, 9, &[1, 2345, 6789, 1234, 5678, 9000])
        );
        assert_eq!(encode(&dec("0")), wire(0, 0, 0, &[]));
        assert_eq!(encode(&dec("0.00")), wire(0, 0, 2, &[]));
        assert_eq!(encode(&dec("-0.0001")), wire(-1, 0x4000, 4, &[1]));
        assert_eq!(encode(&dec("0.00001")), wire(-2, 0, 5, &[1000]));
        assert_eq!(encode(&dec("10000")), wire(1, 0, 0, &[1]));
        assert_eq!(encode(&dec("1.50")), wire(0, 0, 2, &[1, 5000]));
        assert_eq!(
            encode(&dec("-12345678.9")),
            wire(1, 0x4000, 1, &[1234, 5678, 9000])
        );
    }

    #[test]
    fn decodes_postgres_values() {
        let d = decode(&wire(2, 0, 9, &[1, 2345, 6789, 1234, 5678, 9000])).unwrap();
        assert_eq!(d, dec("123456789.123456789"));
        assert_eq!(d.scale(), 9);
        // '1.50' keeps its two decimals; '100.000' its three.
        assert_eq!(decode(&wire(0, 0, 2, &[1, 5000])).unwrap().to_string(), "1.50");
        assert_eq!(decode(&wire(0, 0, 3, &[100])).unwrap().to_string(), "100.000");
        assert_eq!(decode(&wire(0, 0, 0, &[])).unwrap().to_string(), "0");
        assert_eq!(decode(&wire(0, 0, 2, &[])).unwrap().to_string(), "0.00");
        // 1e20 as one digit of weight 5.
        assert_eq!(
            decode(&wire(5, 0, 0, &[1])).unwrap(),
            dec("100000000000000000000")
        );
        // A display scale above 28 with few significant digits still loads.
        assert_eq!(decode(&wire(-1, 0, 40, &[5])).unwrap(), dec("0.0005"));
    }

    #[test]
    fn round_trips() {
        let values = [
            "0",
            "1",
            "-1",
            "0.0001",
            "-0.0001",
            "0.1",
            "0.12345",
            "9999",
            "10000",
            "10001",
            "123456789.123456789",
            "-98765.4321",
            "3.1415926535897932384626433833",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "1000000000000000000000000000",
            "42.00",
            "1e-10",
        ];
        for s in values {
            let d = RustDecimal::from_str(s)
                .or_else(|_| RustDecimal::from_scientific(s))
                .unwrap();
            let back = decode(&encode(&d)).unwrap();
            assert_eq!(back, d, "{s}");
            assert_eq!(back.scale(), d.scale(), "{s}");
        }
        for scale in 0..=28 {
            for m in [1i128, -7, 123_456_789, 10_i128.pow(20) + 3] {
                let d = RustDecimal::from_i128_with_scale(m, scale);
                assert_eq!(decode(&encode(&d)), Ok(d), "{m}e-{scale}");
            }
        }
    }

    #[test]
    fn special_and_unrepresentable_values_are_errors() {
        let err = |bytes: Vec<u8>| match decode(&bytes) {
            Err(DeserializeErrorKind::Malformed(m)) => m,
            other => panic!("expected an error, got {other:?}"),
        };
        assert!(err(wire(0, SIGN_NAN, 0, &[])).contains("NaN"));
        assert!(err(wire(0, SIGN_PLUS_INFINITY, 0, &[])).contains("'Infinity'"));
        assert!(err(wire(0, SIGN_MINUS_INFINITY, 0, &[])).contains("'-Infinity'"));
        assert!(err(wire(0, 0x1234, 0, &[1])).contains("sign"));
        // 1e40: too large.
        assert!(err(wire(10, 0, 0, &[1])).contains("does not fit"));
        // 2^96 exactly.
        assert!(err(wire(7, 0, 0, &[7, 9228, 1625, 1426, 4337, 5935, 4395, 336])).contains("does not fit"));
        // 30 significant digits after the point.
        assert!(
            err(wire(-1, 0, 32, &[1234, 5678, 9012, 3456, 7890, 1234, 5678, 9012])).contains("does not fit")
        );
        // Very many digits.
        assert!(err(wire(0, 0, 0, &[9999; 20])).contains("does not fit"));
    }

    #[test]
    fn malformed_bytes_are_errors() {
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", vec![]),
            ("short header", vec![0, 1, 0, 0, 0]),
            ("missing digits", wire(0, 0, 0, &[1, 2])[..10].to_vec()),
            ("negative digit count", {
                let mut w = wire(0, 0, 0, &[1]);
                w[0..2].copy_from_slice(&(-1i16).to_be_bytes());
                w
            }),
            ("digit too large", wire(0, 0, 0, &[10_000])),
            ("negative digit", wire(0, 0, 0, &[-1])),
            ("bad display scale", wire(0, 0, 0x4000, &[1])),
            ("trailing bytes", {
                let mut w = wire(0, 0, 0, &[1]);
                w.push(0);
                w
            }),
        ];
        for (name, bytes) in cases {
            assert!(
                matches!(decode(&bytes), Err(DeserializeErrorKind::Malformed(_))),
                "{name}: {:?}",
                decode(&bytes)
            );
        }
    }
}
