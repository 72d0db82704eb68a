package org.jointworks.surveys;

import java.util.List;

/**
 * One sheet of a survey deliverable as read: its header cells and its data rows, every cell as
 * trimmed text ("" when empty), each row as long as the header; blank rows are left out.
 * {@code rowNumbers} holds each row's 1-based number in the spreadsheet or file, so errors name
 * the row a surveyor sees. Immutable.
 */
public record SurveyTable(List<String> headers, List<List<String>> rows,
    List<Integer> rowNumbers) {
  public SurveyTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
    rowNumbers = List.copyOf(rowNumbers);
    if (rowNumbers.size() != rows.size()) {
      throw new IllegalArgumentException("one row number per row");
    }
    for (List<String> r : rows) {
      if (r.size() != headers.size()) {
        throw new IllegalArgumentException("every row must be as wide as the header");
      }
    }
  }

  /** The spreadsheet row number of data row {@code i}. */
  public int rowNumber(int i) {
    return rowNumbers.get(i);
  }
}
