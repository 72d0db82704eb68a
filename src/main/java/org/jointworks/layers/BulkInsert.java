package org.jointworks.layers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.value.ValueGeometry;
import org.h2.value.ValueVarchar;
import org.jointworks.geo.Ewkb;
import org.jointworks.system.StoreDialect;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The import's write path (decision 60): features whose ids are allocated, inserted with version
 * 1 into the current transaction's connection. The one place where the stores differ in how a
 * bulk of rows goes in:
 *
 * <ul>
 *   <li>H2GIS: one prepared statement for the whole import, JDBC batches, the geometry bound as
 *       EWKB bytes straight into the {@code GEOMETRY} column (no {@code ST_GeomFromWKB} call).
 *   <li>PostGIS: {@code COPY … FROM STDIN} in text format through PgJDBC's {@code CopyManager},
 *       the geometry as hex EWKB; one COPY per batch, so other statements of the transaction (id
 *       blocks, rules) may run between batches ({@link CopyRows}).
 * </ul>
 *
 * <p>Thread-safe as a bean; each {@link Writer} belongs to one import (one thread).
 */
@Component
class BulkInsert {
  private final DataSource dataSource;
  private final StoreDialect dialect;
  private final SQLExceptionTranslator translator;

  BulkInsert(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dialect = StoreDialect.of(dataSource);
    this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
  }

  /** A writer bound to the current transaction's connection; close it before the commit. */
  Writer open(Layer layer) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    Rows rows = rows(c, layer);
    return new Writer() {
      /** Set when the load goes without the table's secondary indexes. */
      private EmptyLayerLoad empty;

      @Override
      public void loadWithoutIndexes() {
        if (dialect != StoreDialect.POSTGIS || empty != null) {
          return;
        }
        try {
          empty = EmptyLayerLoad.begin(c, layer);
        } catch (SQLException e) {
          throw translated("preparing the import into " + layer.table(), e);
        }
      }

      @Override
      public void insert(List<Feature> features, List<PreparedColumns> prepared) {
        try {
          if (empty != null) {
            empty.insert(rows, features, prepared);
          } else {
            rows.insert(features, prepared);
          }
        } catch (SQLException e) {
          throw translated("import into " + layer.table(), e);
        }
      }

      @Override
      public void finish() {
        if (empty == null) {
          return;
        }
        try {
          empty.finish();
        } catch (SQLException e) {
          throw translated("indexing the import into " + layer.table(), e);
        }
      }

      @Override
      public void close() {
        try {
          rows.close();
        } catch (SQLException e) {
          throw translated("closing the import into " + layer.table(), e);
        }
      }
    };
  }

  /**
   * This store's rows writer on any connection of the same kind of database: the warm-up's
   * scratch H2 database (decision 104).
   */
  Rows rows(Connection c, Layer layer) {
    return dialect == StoreDialect.POSTGIS ? new CopyRows(c, layer) : new Batched(c, layer);
  }

  /** Whether this service's store is the embedded H2GIS. */
  boolean embedded() {
    return dialect == StoreDialect.H2GIS;
  }

  private DataAccessException translated(String task, SQLException e) {
    DataAccessException d = translator.translate(task, null, e);
    return d != null ? d : new UncategorizedSQLException(task, null, e);
  }

  /**
   * What a reader thread prepares of each feature of {@code layer} for this store's writer
   * (decision 101); thread-safe.
   */
  Function<Feature, PreparedColumns> preparer(Layer layer) {
    List<Field> fields = layer.fields();
    return dialect == StoreDialect.POSTGIS ? f -> CopyRows.prepare(f, fields)
        : f -> Batched.prepare(f, fields);
  }

  /** Inserts batches of features of one layer; Spring's exceptions, as the repository's. */
  interface Writer extends AutoCloseable {
    /**
     * Inserts {@code features}; {@code prepared} holds, index for index, what a reader prepared
     * of each (an entry may be null: the writer encodes that feature itself).
     */
    void insert(List<Feature> features, List<PreparedColumns> prepared);

    /**
     * Before the first batch, for a layer the import saw empty: on PostGIS, takes the table and
     * drops its secondary indexes if it is still empty and free ({@link EmptyLayerLoad}, decision
     * 106). Call it only once the whole body is at hand: the table stays locked until the commit.
     */
    void loadWithoutIndexes();

    /** After the last batch of an import that is to be committed: builds what the load left out. */
    void finish();

    @Override
    void close();
  }

  /** How one store takes an import's batches: {@link Batched} (H2GIS), {@link CopyRows}. */
  interface Rows {
    void insert(List<Feature> features, List<PreparedColumns> prepared) throws SQLException;

    void close() throws SQLException;
  }

  static String columns(Layer layer) {
    return "id, version, geom, "
        + layer.fields().stream().map(Field::name).collect(Collectors.joining(", "));
  }

  /** H2GIS: one statement, JDBC batches, EWKB bound as bytes. */
  private static final class Batched implements Rows {
    private final Layer layer;
    private final PreparedStatement insert;

    Batched(Connection c, Layer layer) {
      this.layer = layer;
      // Before the first row: an import body's pages then wait in memory for its commit instead
      // of being written, read back and written again (decision 109).
      H2WriteBuffer.widen(c);
      String marks = "?, ".repeat(layer.fields().size() + 2) + "?";
      try {
        this.insert = c.prepareStatement("INSERT INTO " + layer.table() + " (" + columns(layer)
            + ") VALUES (" + marks + ")");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare the import of " + layer.id(), e);
      }
    }

    /**
     * The geometry as H2's own value (its EWKB parsed, envelope and all) and the texts through
     * H2's value cache, on a reader thread: bound as they are, H2 converts nothing more.
     */
    static PreparedColumns prepare(Feature f, List<Field> fields) {
      Object[] columns = new Object[fields.size() + 1];
      if (f.geometry() != null) {
        columns[0] = ValueGeometry.getFromEWKB(Ewkb.of(f.geometry()));
      }
      for (int i = 0; i < fields.size(); i++) {
        Field field = fields.get(i);
        if (field.type() == FieldType.TEXT && f.get(field.name()) instanceof String s) {
          columns[i + 1] = ValueVarchar.get(s);
        }
      }
      return new PreparedColumns(f, columns);
    }

    @Override
    public void insert(List<Feature> features, List<PreparedColumns> prepared)
        throws SQLException {
      // Typed setters, no setObject with a target type: H2 converts nothing more per value, and a
      // LocalDate goes in as itself (no java.sql.Date through the default calendar) (decision 85).
      // A column a reader prepared is H2's own value already (decision 101).
      List<Field> fields = layer.fields();
      for (int at = 0; at < features.size(); at++) {
        Feature f = features.get(at);
        PreparedColumns p = prepared == null ? null : prepared.get(at);
        insert.setLong(1, f.id());
        insert.setLong(2, 1);
        Object geometry = p == null ? null : p.column(f, 0, fields);
        if (geometry != null) {
          insert.setObject(3, geometry);
        } else if (f.geometry() == null) {
          insert.setNull(3, Types.VARBINARY);
        } else {
          insert.setBytes(3, Ewkb.of(f.geometry()));
        }
        int k = 4;
        for (Field field : fields) {
          Object v = f.get(field.name());
          Object ready = p == null ? null : p.column(f, k - 3, fields);
          if (ready != null) {
            insert.setObject(k, ready);
          } else if (v == null) {
            insert.setNull(k, switch (field.type()) {
              case TEXT -> Types.VARCHAR;
              case INTEGER -> Types.BIGINT;
              case DECIMAL -> Types.DOUBLE;
              case DATE -> Types.DATE;
            });
          } else {
            switch (field.type()) {
              case TEXT -> insert.setString(k, v.toString());
              case INTEGER -> insert.setLong(k, ((Number) v).longValue());
              case DECIMAL -> insert.setDouble(k, ((Number) v).doubleValue());
              case DATE -> insert.setObject(k, (LocalDate) v);
              default -> throw new IllegalStateException(field.type().name());
            }
          }
          k++;
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }
}
