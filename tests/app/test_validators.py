"""BSN (11-proef) and IBAN (mod-97) validators of the privacy guard."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.privacy.guard import is_valid_bsn, is_valid_iban

VALID_BSNS = ["111222333", "123456782", "012345611", "628194821", "252760189"]
VALID_IBANS = [
    "NL91ABNA0417164300",
    "GB82WEST12345698765432",
    "DE89370400440532013000",
    "BE68539007547034",
    "NL20INGB0001234567",
    "NL44RABO0123456789",
]


def _one_digit_changed(value: str):
    """Every variant of `value` with exactly one digit replaced by another digit."""
    for i, c in enumerate(value):
        if not c.isdigit():
            continue
        for d in "0123456789":
            if d != c:
                yield value[:i] + d + value[i + 1 :]


@pytest.mark.parametrize("bsn", VALID_BSNS)
def test_valid_bsn(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize("bsn", ["111222333", "123456782"])
def test_every_single_digit_change_breaks_the_bsn(bsn):
    variants = list(_one_digit_changed(bsn))
    assert len(variants) == 81
    assert [v for v in variants if is_valid_bsn(v)] == []


def test_bsn_formats():
    assert is_valid_bsn("12345611")  # leading zero dropped
    assert is_valid_bsn("1234.56.782")
    assert is_valid_bsn("123 456 782")
    assert is_valid_bsn(" 123456782 ")


@pytest.mark.parametrize(
    "value",
    ["000000000", "12345678", "1234567820", "12345678a", "", "１２３４５６７８２", "123-456-782", None, 123456782],
)
def test_invalid_bsn_shapes(value):
    assert not is_valid_bsn(value)


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_valid_iban(iban):
    assert is_valid_iban(iban)


def test_iban_with_spaces_and_lower_case():
    assert is_valid_iban("NL91 ABNA 0417 1643 00")
    assert is_valid_iban("gb82 west 1234 5698 7654 32")


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "GB82WEST12345698765432"])
def test_every_single_digit_change_breaks_the_iban(iban):
    variants = list(_one_digit_changed(iban))
    assert len(variants) > 100
    assert [v for v in variants if is_valid_iban(v)] == []


@pytest.mark.parametrize(
    "value",
    [
        "NL91ABNA041716430",  # one character short for NL
        "NL91ABNA04171643000",  # one too long
        "NL91-ABNA-0417-1643-00",
        "XX00",
        "",
        None,
        "NL91ABNA0417164301",
        "NL19ABNA0417164300",  # check digits swapped
    ],
)
def test_invalid_ibans(value):
    assert not is_valid_iban(value)


def _with_check_digits(country: str, bban: str) -> str:
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


@settings(max_examples=60, deadline=None)
@given(bank=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4), account=st.integers(0, 10**10 - 1))
def test_generated_dutch_ibans_validate(bank, account):
    iban = _with_check_digits("NL", f"{bank}{account:010d}")
    assert is_valid_iban(iban)
    # Swapping two different adjacent digits of the account is caught by mod-97.
    digits = iban[8:]
    for i in range(len(digits) - 1):
        if digits[i] != digits[i + 1]:
            swapped = iban[: 8 + i] + digits[i + 1] + digits[i] + iban[8 + i + 2 :]
            assert not is_valid_iban(swapped)
            break


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 99999999))
def test_generated_bsns(n):
    body = f"{n:08d}"
    weights = sum((9 - i) * int(c) for i, c in enumerate(body))
    check = weights % 11
    if check == 10:
        assert not any(is_valid_bsn(body + str(d)) for d in range(10))
    else:
        assert is_valid_bsn(body + str(check))
