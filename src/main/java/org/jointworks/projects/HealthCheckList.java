package org.jointworks.projects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The city health-check (城市体检) project list fed by the survey findings (the plan's 三(二):
 * 摸底排查…作为体检成果，充实城市体检项目库): one line per finding, with its catalogue item, whether
 * it is priority content (应改尽改), whether the scheme takes it up or why not, and the project's
 * state. Written as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)
 * or as an Excel workbook (Apache POI). Stateless.
 */
final class HealthCheckList {
  static final List<String> HEADER = List.of("district", "project_id", "community_id",
      "community", "programme_year", "status", "in_plan", "complete_community_pilot",
      "finding_kind", "item_code", "item_zh", "item_class", "priority", "in_scheme",
      "not_in_scheme_reason", "description");

  private HealthCheckList() {}

  /** One line of the list. */
  record Line(String district, long projectId, long communityId, String community,
      int programmeYear, String status, boolean inPlan, boolean pilot, String findingKind,
      String itemCode, String itemZh, String itemClass, boolean priority, boolean inScheme,
      String notInSchemeReason, String description) {
    List<String> cells() {
      return List.of(district, Long.toString(projectId), Long.toString(communityId), community,
          Integer.toString(programmeYear), status, Boolean.toString(inPlan),
          Boolean.toString(pilot), findingKind, nz(itemCode), nz(itemZh), nz(itemClass),
          Boolean.toString(priority), Boolean.toString(inScheme), nz(notInSchemeReason),
          nz(description));
    }
  }

  static List<Line> lines(List<Project> projects, Catalogue catalogue, Set<Long> pilots) {
    List<Line> out = new ArrayList<>();
    for (Project p : projects) {
      Set<String> content = p.content().stream().map(Project.Item::code)
          .collect(Collectors.toSet());
      for (Project.Finding f : p.surveyFindings()) {
        var item = catalogue.find(f.code());
        out.add(new Line(p.district(), p.id(), p.communityId(), p.name(), p.programmeYear(),
            p.status().code(), p.inPlan(), pilots.contains(p.id()), f.kind(), f.code(),
            item.map(Catalogue.Item::nameZh).orElse(null),
            item.map(i -> i.contentClass().code()).orElse(null),
            PriorityContent.isPriority(f.code()), f.code() != null && content.contains(f.code()),
            f.notInSchemeReason(), f.description()));
      }
    }
    return out;
  }

  static byte[] csv(List<Line> lines) {
    StringBuilder b = new StringBuilder("\uFEFF");
    row(b, HEADER);
    lines.forEach(l -> row(b, l.cells()));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<Line> lines) {
    try (XSSFWorkbook book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("城市体检项目库");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      for (int i = 0; i < lines.size(); i++) {
        write(sheet.createRow(i + 1), lines.get(i).cells());
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String v = cells.get(i);
      // Numbers as numbers, so the ids sort and filter as such in a spreadsheet.
      if ((i == 1 || i == 2 || i == 4) && !v.isEmpty()) {
        row.createCell(i).setCellValue(Double.parseDouble(v));
      } else {
        row.createCell(i).setCellValue(v);
      }
    }
  }

  private static void row(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String v = cells.get(i);
      // A leading =, +, - or @ would be a formula to a spreadsheet (CSV injection): quote it
      // behind an apostrophe.
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
        v = "'" + v;
      }
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
        v = "\"" + v.replace("\"", "\"\"") + "\"";
      }
      b.append(v);
    }
    b.append("\r\n");
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
