package org.jointworks.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jointworks.limits.InputLimits;
import org.jointworks.limits.Limits;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the sheets of an {@code .xlsx} survey workbook as a stream (POI's package and styles, a
 * SAX pass over each wanted sheet): cells arrive as the text Excel shows (numbers through the
 * same {@link DataFormatter} as the object model), row by row, and only the wanted sheets are
 * parsed. Why: the object model ({@code XSSFWorkbook}) built
 * an XMLBeans tree of every cell first — for a survey of 20,000 points and 19,900 lines most of
 * the preview's time and memory (docs/surveys.md, speed). The zip guards ({@link ZipSecureFile},
 * set from {@code jointworks.limits}) apply as before, and the row, column and cell limits are
 * checked while reading. Stateless; thread-safe.
 */
final class SurveyWorkbookReader {
  private SurveyWorkbookReader() {}

  /** The sheets chosen by {@code pick} from the sheet names, as raw rows and row numbers. */
  interface Picker {
    /** Indexes into {@code names} of the sheets to read, in the order wanted. */
    int[] pick(List<String> names);
  }

  /** One sheet's rows (cells as text, "" for an empty cell) and their 1-based row numbers. */
  record Sheet(List<List<String>> cells, List<Integer> numbers) {}

  static Sheet[] read(InputStream in, Picker picker) throws IOException {
    InputLimits limits = Limits.current();
    ZipSecureFile.setMinInflateRatio(1.0 / limits.zipRatio());
    ZipSecureFile.setMaxEntrySize(Math.min(limits.zipBytes(), 0xFFFFFFFFL));
    ZipSecureFile.setMaxFileCount(limits.zipEntries());
    try (OPCPackage pkg = OPCPackage.open(in)) {
      XSSFReader reader = new XSSFReader(pkg);
      List<String> strings = strings(reader);
      StylesTable styles = reader.getStylesTable();
      List<String> names = new ArrayList<>();
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        it.next().close();
        names.add(it.getSheetName().toLowerCase(Locale.ROOT));
      }
      int[] wanted = picker.pick(names);
      Sheet[] out = new Sheet[wanted.length];
      it = (XSSFReader.SheetIterator) reader.getSheetsData();
      for (int i = 0; it.hasNext(); i++) {
        try (InputStream sheet = it.next()) {
          for (int w = 0; w < wanted.length; w++) {
            if (wanted[w] == i) {
              out[w] = parse(sheet, styles, strings);
            }
          }
        }
      }
      return out;
    } catch (org.jointworks.system.ApiException e) {
      throw e;
    } catch (IOException | RuntimeException | OpenXML4JException | SAXException e) {
      throw SurveyTableReader.notAWorkbook(e, limits);
    }
  }

  private static Sheet parse(InputStream sheet, StylesTable styles, List<String> strings)
      throws IOException, SAXException {
    Rows rows = new Rows(styles, strings);
    xml(rows).parse(new InputSource(sheet));
    return new Sheet(rows.cells, rows.numbers);
  }

  /** The shared strings (xl/sharedStrings.xml) as plain text, phonetic runs left out. */
  private static List<String> strings(XSSFReader reader) throws IOException, SAXException {
    List<String> out = new ArrayList<>();
    InputStream in;
    try {
      in = reader.getSharedStringsData();
    } catch (OpenXML4JException | RuntimeException e) {
      return out; // a workbook of numbers only has no shared strings
    }
    if (in == null) {
      return out;
    }
    try (in) {
      xml(new DefaultHandler() {
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean phonetic;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
          switch (local) {
            case "si" -> text.setLength(0);
            case "rPh" -> phonetic = true;
            case "t" -> inText = !phonetic;
            default -> { }
          }
        }

        @Override
        public void endElement(String uri, String local, String q) {
          switch (local) {
            case "si" -> out.add(text.toString());
            case "rPh" -> phonetic = false;
            case "t" -> inText = false;
            default -> { }
          }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
          if (inText) {
            text.append(ch, start, length);
          }
        }
      }).parse(new InputSource(in));
    }
    return out;
  }

  private static XMLReader xml(DefaultHandler handler) throws SAXException {
    try {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      return xml;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new SAXException(e);
    }
  }

  /**
   * Collects a sheet's rows as they stream by, within the survey limits: each cell as the text
   * Excel shows (shared and inline strings as written, numbers through {@link DataFormatter} with
   * the cell's number format, booleans TRUE/FALSE, formulas by their cached result). Own SAX
   * handling, not POI's {@code XSSFSheetXMLHandler}: that one builds an XMLBeans rich-text object
   * for every string cell, which was half of the streamed read. Confined to one parse.
   */
  private static final class Rows extends DefaultHandler {
    final List<List<String>> cells = new ArrayList<>();
    final List<Integer> numbers = new ArrayList<>();
    private final StylesTable styles;
    private final List<String> strings;
    private final DataFormatter formatter = new DataFormatter();
    private final StringBuilder text = new StringBuilder();
    private List<String> row;
    private int lastRow = -1;
    private String ref;
    private String type;
    private int style;
    private boolean inText;
    private boolean phonetic;

    Rows(StylesTable styles, List<String> strings) {
      this.styles = styles;
      this.strings = strings;
    }

    @Override
    public void startElement(String uri, String local, String q, Attributes a) {
      switch (local) {
        case "row" -> {
          if (cells.size() > SurveyTableReader.MAX_ROWS + 1) {
            throw SurveyTableReader.tooManyRows();
          }
          String r = a.getValue("r");
          lastRow = r == null ? lastRow + 1 : Integer.parseInt(r) - 1;
          row = new ArrayList<>();
          numbers.add(lastRow + 1);
        }
        case "c" -> {
          ref = a.getValue("r");
          type = a.getValue("t");
          String s = a.getValue("s");
          style = s == null ? -1 : Integer.parseInt(s);
          text.setLength(0);
        }
        case "v" -> inText = true;
        case "rPh" -> phonetic = true;
        case "t" -> inText = !phonetic;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String local, String q) {
      switch (local) {
        case "v", "t" -> inText = false;
        case "rPh" -> phonetic = false;
        case "c" -> cell(ref, value());
        case "row" -> cells.add(row);
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        text.append(ch, start, length);
      }
    }

    private String value() {
      String raw = text.toString();
      if (raw.isEmpty()) {
        return "";
      }
      return switch (type == null ? "n" : type) {
        case "s" -> {
          int i = Integer.parseInt(raw.trim());
          yield i >= 0 && i < strings.size() ? strings.get(i) : "";
        }
        case "inlineStr", "str", "e" -> raw;
        case "b" -> "0".equals(raw) ? "FALSE" : "TRUE";
        default -> number(raw);
      };
    }

    private String number(String raw) {
      double v = Double.parseDouble(raw);
      XSSFCellStyle s = style >= 0 && styles != null && style < styles.getNumCellStyles()
          ? styles.getStyleAt(style) : null;
      if (s == null) {
        return formatter.formatRawCellContents(v, 0, "General");
      }
      String format = s.getDataFormatString();
      return formatter.formatRawCellContents(v, s.getDataFormat(),
          format == null ? BuiltinFormats.getBuiltinFormat(s.getDataFormat()) : format);
    }

    private void cell(String at, String value) {
      int col = at == null ? row.size() : new CellReference(at).getCol();
      if (col >= SurveyTableReader.MAX_COLUMNS) {
        throw SurveyTableReader.tooManyColumns();
      }
      while (row.size() < col) {
        row.add("");
      }
      row.add(SurveyTableReader.cap(value));
    }
  }
}
