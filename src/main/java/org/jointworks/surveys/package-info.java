/**
 * Survey deliverables (issue 13, item 6): the pipe-point table (管点表) and the pipe-line table
 * (管线表) of a CJJ 61 pipeline survey, as {@code .xlsx} or CSV. This package reads a table
 * within the project's input limits ({@link org.jointworks.surveys.SurveyTableReader}) and maps
 * its Chinese or English headers to fields ({@link org.jointworks.surveys.SurveyColumns}), the
 * column-mapping preview an importer shows before anything is stored; it links lines to points
 * row by row ({@link org.jointworks.surveys.SurveyLinker}). The engine is plain Java; the one
 * endpoint, {@code POST /api/surveys/preview}, stores nothing.
 *
 * <p>Not yet built: the pipe-point layer, storing both layers all or nothing, the export.
 */
package org.jointworks.surveys;
