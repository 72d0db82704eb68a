package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jointworks.support.Browser;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.jointworks.support.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The printable progress report as a city office would sign it (issue 18, item 7): printed by
 * Chromium to PDF, rendered by poppler's pdftoppm (pages are real, non-blank images) and read back
 * with pdftotext: the issuing unit, the date, the plan's table with its filled total row and
 * completion column, one line per county (names not wrapped), the overdue list, the ranking's
 * method, the signature block — and no English words in the Chinese report.
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER, ExternalTools.PDFTOPPM,
    ExternalTools.PDFTOTEXT})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportPrintTest {
  @LocalServerPort
  int port;
  Browser browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Stores.h2gis(registry, true);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theReportPrintsInOneLanguageWithTotalsOverdueListAndSignature(@TempDir Path dir)
      throws Exception {
    browser = new Browser(port, 1000, 1400);
    browser.signIn("leader");
    browser.open("/report.html?asOf=2023-07-15");
    browser.waitFor("return document.body.dataset.ready === 'true'", 60);
    String base64 = ((PrintsPage) browser.driver()).print(new PrintOptions()).getContent();
    Path pdf = dir.resolve("report.pdf");
    Files.write(pdf, Base64.getDecoder().decode(base64));

    run(dir, ExternalTools.PDFTOPPM.path(), "-png", "-r", "40", pdf.toString(),
        dir.resolve("page").toString());
    List<Path> pages;
    try (var files = Files.list(dir)) {
      pages = files.filter(p -> p.getFileName().toString().startsWith("page")).sorted().toList();
    }
    assertThat(pages).isNotEmpty();
    var first = ImageIO.read(pages.get(0).toFile());
    long dark = 0;
    for (int y = 0; y < first.getHeight(); y += 2) {
      for (int x = 0; x < first.getWidth(); x += 2) {
        if ((first.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).as("the first page has printed content").isGreaterThan(500);

    run(dir, ExternalTools.PDFTOTEXT.path(), "-layout", pdf.toString(),
        dir.resolve("report.txt").toString());
    String text = Files.readString(dir.resolve("report.txt"), StandardCharsets.UTF_8);
    assertThat(text).contains("新乡市百城建设提质工程领导小组办公室").contains("2023-07-15")
        .contains("完工率").contains("逾期项目").contains("负责人（签字）").contains("（盖章）")
        .contains("排名方法（本市考核设置）");
    // The total row is filled: communities 138, households 22,149, started 128, completed 24.
    assertThat(text.lines().filter(l -> l.trim().startsWith("合计")).findFirst().orElse(""))
        .contains("138").contains("22,149").contains("128").contains("24");
    // Every county on one line of the table, its name whole.
    for (String county : List.of("卫滨区", "红旗区", "牧野区", "凤泉区", "高新区", "辉县市", "卫辉市",
        "原阳县", "延津县", "封丘县", "长垣市")) {
      assertThat(text.lines().anyMatch(l -> l.trim().startsWith(county) && l.contains("%")))
          .as(county).isTrue();
    }
    assertThat(text).doesNotContainPattern("(?i)\\b(district|county|started|completed|overdue)\\b");
  }

  /** The report page is static and open to all (MapEndpointRules); its project lists are not. */
  @Test
  void anyoneLoadsTheReportPageButOnlySignedInUsersItsFigures() {
    org.jointworks.support.Http anonymous = org.jointworks.support.Http.anonymous(port);
    assertThat(anonymous.get("/report.html").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/progress/overdue?asOf=2023-07-15").status()).isEqualTo(401);
    assertThat(anonymous.as("leader").get("/api/progress/overdue?asOf=2023-07-15").status())
        .isEqualTo(200);
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
