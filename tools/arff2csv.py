#!/usr/bin/env python3
"""Converts a dense ARFF file (Weka's format) to CSV (RFC 4180, UTF-8, header row of attribute names).

Usage: tools/arff2csv.py INPUT.arff OUTPUT.csv

Used to feed Weka's German credit data (credit-g.arff, Debian package `weka`) to `./sanrong train`; see
docs/credit-scorecard.md. ARFF's missing value `?` becomes an empty cell; quotes around names and values are
removed. Sparse ARFF ({index value, ...}) is refused.
"""
import csv
import sys


def split(line):
    """Splits an ARFF line on commas outside single or double quotes, unquoting and unescaping cells."""
    cells, cell, quote, i = [], [], None, 0
    quoted = False
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == '\\' and i + 1 < len(line):
                cell.append(line[i + 1])
                i += 1
            elif ch == quote:
                quote = None
            else:
                cell.append(ch)
        elif ch in "'\"":
            quote, quoted = ch, True
        elif ch == ',':
            cells.append((''.join(cell).strip(), quoted))
            cell, quoted = [], False
        else:
            cell.append(ch)
        i += 1
    if quote:
        raise ValueError('unclosed quote in: ' + line)
    cells.append((''.join(cell).strip(), quoted))
    return ['' if (value == '?' and not was_quoted) else value for value, was_quoted in cells]


def attribute_name(rest):
    rest = rest.strip()
    if rest[0] in "'\"":
        end = rest.index(rest[0], 1)
        return rest[1:end]
    return rest.split()[0]


def main(source, target):
    names, rows, in_data = [], [], False
    with open(source, encoding='utf-8', errors='strict') as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith('%'):
                continue
            lower = line.lower()
            if not in_data:
                if lower.startswith('@attribute'):
                    names.append(attribute_name(line[len('@attribute'):]))
                elif lower.startswith('@data'):
                    in_data = True
                continue
            if line.startswith('{'):
                raise ValueError('sparse ARFF is not supported')
            cells = split(line)
            if len(cells) != len(names):
                raise ValueError(f'{len(cells)} cells, {len(names)} attributes: {line}')
            rows.append(cells)
    with open(target, 'w', encoding='utf-8', newline='') as out:
        writer = csv.writer(out, lineterminator='\r\n')
        writer.writerow(names)
        writer.writerows(rows)
    print(f'{target}: {len(rows)} rows, {len(names)} columns')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
