package org.jointworks.tiles;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jointworks.layers.Layer;
import org.jointworks.ogcapi.Links;
import org.jointworks.system.ApiException;
import org.jointworks.system.JointWorksUser;
import org.jointworks.tiles.mvt.TileCoord;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API – Tiles over HTTP: tile matrix sets, tilesets of all map layers and of each layer,
 * TileJSON, and the Mapbox Vector Tiles themselves with ETag (304 on If-None-Match),
 * {@code Cache-Control: no-cache} (clients revalidate, so a browser never shows a tile older
 * than a write) and gzip when the client accepts it.
 */
@RestController
class TilesController {
  private static final MediaType MVT = MediaType.parseMediaType(TileDocuments.MVT);
  private final TileService tiles;

  TilesController(TileService tiles) {
    this.tiles = tiles;
  }

  @GetMapping("/ogcapi/tileMatrixSets")
  Object tileMatrixSets(HttpServletRequest request) {
    return TileDocuments.tileMatrixSets(Links.root(request));
  }

  @GetMapping("/ogcapi/tileMatrixSets/WebMercatorQuad")
  Object webMercatorQuad() {
    return TileDocuments.webMercatorQuad();
  }

  @GetMapping("/ogcapi/tiles")
  Object datasetTilesets(HttpServletRequest request) {
    String root = Links.root(request);
    return TileDocuments.tilesets(root, root + "/tiles", "All map layers");
  }

  @GetMapping("/ogcapi/collections/{id}/tiles")
  Object collectionTilesets(@PathVariable String id, HttpServletRequest request) {
    TileSets.layers(id, signedIn());
    String root = Links.root(request);
    return TileDocuments.tilesets(root, root + "/collections/" + id + "/tiles", id);
  }

  @GetMapping("/ogcapi/tiles/WebMercatorQuad")
  Object datasetTileset(HttpServletRequest request) {
    String root = Links.root(request);
    return TileDocuments.tileset(root, root + "/tiles", "All map layers",
        TileSets.layers(TileSets.ALL, signedIn()));
  }

  @GetMapping("/ogcapi/collections/{id}/tiles/WebMercatorQuad")
  Object collectionTileset(@PathVariable String id, HttpServletRequest request) {
    String root = Links.root(request);
    return TileDocuments.tileset(root, root + "/collections/" + id + "/tiles", id,
        TileSets.layers(id, signedIn()));
  }

  @GetMapping("/ogcapi/tiles/WebMercatorQuad/tilejson.json")
  Object datasetTileJson(HttpServletRequest request) {
    return TileDocuments.tileJson(Links.root(request) + "/tiles", "JointWorks",
        TileSets.layers(TileSets.ALL, signedIn()));
  }

  @GetMapping("/ogcapi/collections/{id}/tiles/WebMercatorQuad/tilejson.json")
  Object collectionTileJson(@PathVariable String id, HttpServletRequest request) {
    List<Layer> layers = TileSets.layers(id, signedIn());
    return TileDocuments.tileJson(Links.root(request) + "/collections/" + id + "/tiles", id,
        layers);
  }

  @GetMapping("/ogcapi/tiles/WebMercatorQuad/{z}/{y}/{x}")
  ResponseEntity<byte[]> datasetTile(@PathVariable String z, @PathVariable String y,
      @PathVariable String x, HttpServletRequest request) {
    return tile(TileSets.ALL, z, y, x, request);
  }

  @GetMapping("/ogcapi/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}")
  ResponseEntity<byte[]> collectionTile(@PathVariable String id, @PathVariable String z,
      @PathVariable String y, @PathVariable String x, HttpServletRequest request) {
    return tile(id, z, y, x, request);
  }

  private ResponseEntity<byte[]> tile(String tileset, String z, String y, String x,
      HttpServletRequest request) {
    TileCoord t = coord(z, y, x);
    boolean signedIn = signedIn();
    CacheControl cache = signedIn ? CacheControl.noCache().cachePrivate()
        : CacheControl.noCache().cachePublic();
    TileService.Tile tile = tiles.tile(tileset, signedIn, t);
    if (tile.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(cache)
          .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT_ENCODING).build();
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    boolean gzip = tile.gzipFor(accept);
    ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MVT).eTag(tile.etag())
        .cacheControl(cache).varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT_ENCODING);
    if (gzip) {
      b.header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return b.body(gzip ? tile.gzip() : tile.mvt());
  }

  private static TileCoord coord(String z, String y, String x) {
    try {
      int zoom = Integer.parseInt(z);
      if (zoom > TileSets.MAX_ZOOM) {
        throw ApiException.badRequest("tileMatrix must be from 0 to " + TileSets.MAX_ZOOM);
      }
      return new TileCoord(zoom, Integer.parseInt(x), Integer.parseInt(y));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("tileMatrix, tileRow and tileCol must be whole numbers");
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static boolean signedIn() {
    return JointWorksUser.current().isPresent();
  }
}
