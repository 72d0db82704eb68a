package org.jointworks.surveys;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.jointworks.geo.Crs;
import org.jointworks.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey deliverable's preview over HTTP: {@code POST /api/surveys/preview?crs=4547} with
 * one {@code .xlsx} workbook as the raw body (a point sheet 管点表 and a line sheet 管线表). Reads,
 * maps and links; stores nothing. The import that stores the two layers is not built yet.
 */
@RestController
class SurveyController {

  @PostMapping("/api/surveys/preview")
  Map<String, Object> preview(@RequestParam(defaultValue = "4547") int crs,
      HttpServletRequest request) throws IOException {
    if (crs == Crs.LONLAT || crs == Crs.CRS84 || !Crs.isKnown(crs)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "survey.crs",
          "the survey's X/Y need a known projected CRS (EPSG:4547 for the city)",
          Map.of("crs", crs));
    }
    SurveyTable[] tables = SurveyTableReader.workbook(request.getInputStream());
    return SurveyPreview.of(tables[0], tables[1], crs);
  }
}
