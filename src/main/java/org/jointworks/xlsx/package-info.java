/**
 * Excel (.xlsx, Apache POI) of every table the map shows: the same JSON answer the map reads,
 * for the same user, turned into a sheet with headers in the user's language. {@link
 * org.jointworks.xlsx.XlsxExportFilter} runs after security on the table endpoints listed in
 * {@link org.jointworks.xlsx.XlsxTables}, so an export is scoped exactly as its JSON; the layers'
 * own tables are {@code GET /api/files/xlsx/{layer}} ({@code files}). See docs/map.md.
 */
package org.jointworks.xlsx;
