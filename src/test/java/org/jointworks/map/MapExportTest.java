package org.jointworks.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jointworks.support.Browser;
import org.jointworks.support.SampleCityBrowserTest;
import org.jointworks.support.ExternalTools;
import org.jointworks.support.NeedsTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;

/**
 * Issue 18 item 6: the map extent now on screen exported as a PNG (drawn in the browser, with
 * title, date, legend, scale bar and north arrow) and printed to PDF (Chromium's print, read back
 * with poppler's pdftoppm and pdftotext, as ReportPrintTest does).
 */
@NeedsTools({ExternalTools.CHROMIUM, ExternalTools.CHROMEDRIVER, ExternalTools.PDFTOPPM,
    ExternalTools.PDFTOTEXT})
class MapExportTest extends SampleCityBrowserTest {
  @Test
  @SuppressWarnings("unchecked")
  void theMapExtentExportsAsPngAndPdfWithLegendScaleNorthArrowAndDate(@TempDir Path dir)
      throws Exception {
    browser = new Browser(port, 1280, 800);
    browser.openMap();
    browser.waitFor("return document.querySelectorAll('.county-name').length >= 12"
        + " && window.jointworks.layers.clusters('works').length > 0", 30);
    Map<String, Object> png = (Map<String, Object>) browser.js(
        "return window.jointworks.exportMap('png')");
    String date = (String) png.get("date");
    assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
        .decode(((String) png.get("dataUrl")).substring("data:image/png;base64,".length()))));
    long mapWidth = (Long) browser.js("return window.jointworks.map.getSize().x");
    assertThat(image.getWidth()).isEqualTo((int) mapWidth);
    ImageIO.write(image, "png", dir.resolve("map.png").toFile());
    Files.copy(dir.resolve("map.png"), Path.of("target/screenshots/export.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // The legend's swatches in the utilities' CJJ 61 colours (gas magenta, water cyan), the
    // clusters' dark blue discs, the north arrow's dark triangle at the top right.
    assertThat(count(image, 0xff00ff, 0, image.getHeight() / 2, 220, image.getHeight()))
        .as("gas swatch in the legend").isPositive();
    assertThat(count(image, 0x00ffff, 0, image.getHeight() / 2, 220, image.getHeight()))
        .as("water swatch in the legend").isPositive();
    assertThat(count(image, 0x263238, image.getWidth() - 60, 0, image.getWidth(), 70))
        .as("north arrow").isGreaterThan(50);
    assertThat(count(image, 0x263238, image.getWidth() - 200, image.getHeight() - 40,
        image.getWidth(), image.getHeight())).as("scale bar").isGreaterThan(40);
    assertThat(countNear(image, 0x1a237e, 40)).as("works clusters drawn from the tiles")
        .isGreaterThan(50);

    browser.js("return window.jointworks.exportMap('pdf', {print: false})");
    browser.waitFor("return document.body.classList.contains('printing')"
        + " && document.querySelector('#print-sheet img').complete", 10);
    PrintOptions options = new PrintOptions();
    options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
    String base64 = ((PrintsPage) browser.driver()).print(options).getContent();
    Path pdf = dir.resolve("map.pdf");
    Files.write(pdf, Base64.getDecoder().decode(base64));
    run(dir, ExternalTools.PDFTOPPM.path(), "-png", "-r", "40", pdf.toString(),
        dir.resolve("page").toString());
    BufferedImage page;
    try (var files = Files.list(dir)) {
      List<Path> pages = files.filter(p -> p.getFileName().toString().startsWith("page"))
          .sorted().toList();
      assertThat(pages).hasSize(1);
      page = ImageIO.read(pages.get(0).toFile());
    }
    assertThat(page.getWidth()).as("landscape").isGreaterThan(page.getHeight());
    assertThat(countNear(page, 0x1a237e, 60)).as("the map image is on the page").isPositive();
    run(dir, ExternalTools.PDFTOTEXT.path(), "-layout", pdf.toString(),
        dir.resolve("map.txt").toString());
    String text = Files.readString(dir.resolve("map.txt"), StandardCharsets.UTF_8);
    assertThat(text).contains("新乡市老旧小区改造与管线施工统筹图").contains("制图日期：" + date)
        .contains("图例").contains("施工聚合").contains("燃气").contains("示意");
    // The page itself is hidden while printing: no layer list, no search box.
    assertThat(text).doesNotContain("图层").doesNotContain("近期施工");
  }

  private static long count(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
    long n = 0;
    for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
      for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static long countNear(BufferedImage image, int rgb, int tolerance) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
