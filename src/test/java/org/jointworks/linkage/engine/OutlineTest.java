package org.jointworks.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jointworks.linkage.engine.FrontageTest.box;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Outlines cover the members and the street between them, not the blocks around them. */
class OutlineTest {
  @Test
  void coversTheStreetBetweenFacingBlocks() {
    Geometry outline = Outline.of(List.of(box(0, 0, 100, 100), box(110, 0, 210, 100)), 30);
    assertThat(outline.getArea()).isCloseTo(210 * 100, within(1.0));
    assertThat(outline.covers(box(100, 0, 110, 100))).isTrue();
  }

  @Test
  void leavesTheCornerOfAnLShapedGroupOpen() {
    // Three blocks in an L; the fourth corner block's site must stay out.
    Geometry outline = Outline.of(List.of(box(0, 0, 100, 100), box(110, 0, 210, 100),
        box(0, 110, 100, 210)), 30);
    assertThat(outline.intersection(box(130, 130, 210, 210)).getArea()).isZero();
    assertThat(outline.getArea()).isLessThan(210 * 210 - 80 * 80);
  }
}
