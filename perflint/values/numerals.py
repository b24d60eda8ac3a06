"""Chinese numerals (一百二十, 两千, 〇) to integers.

万 and larger never reach this module: the grammar leaves them on the unit (一万份 → 1 万份).
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(text: str) -> int:
    """Raise ValueError for a malformed numeral (百十, 十十, 零百)."""
    if not text or any(ch not in _DIGITS and ch not in _POWERS for ch in text):
        raise ValueError(text)
    if not any(ch in _POWERS for ch in text):
        # Digit by digit, as in years (二〇二五); a lone digit is the same thing.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, pending, last_power, after_zero = 0, None, None, False
    for ch in text:
        if ch in _DIGITS:
            if pending not in (None, 0):
                raise ValueError(text)
            pending = _DIGITS[ch]
            after_zero = after_zero or pending == 0
            continue
        power = _POWERS[ch]
        if last_power is not None and power >= last_power:
            raise ValueError(text)
        if pending == 0 or pending is None and last_power is not None:
            raise ValueError(text)  # 零百; 百十 (a power with no digit counts once only at the start)
        # 十二 is 12: a power with no digit before it counts once.
        total += (1 if pending is None else pending) * power
        pending, last_power, after_zero = None, power, False
    if pending:
        # 三千五 is 3500 (the digit takes the next lower power); 一百零五 is 105.
        scale = last_power // 10 if last_power and last_power >= 100 and not after_zero else 1
        total += pending * scale
    return total
