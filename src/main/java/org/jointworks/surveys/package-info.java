/**
 * Survey deliverables (issue 13, item 6; docs/surveys.md): the pipe-point table (管点表) and the
 * pipe-line table (管线表) of a CJJ 61 pipeline survey, as {@code .xlsx} or CSV. The engine is
 * plain Java: it reads a table within the project's input limits
 * ({@link org.jointworks.surveys.SurveyTableReader}), maps its Chinese or English headers to
 * fields ({@link org.jointworks.surveys.SurveyColumns}), links lines to points row by row
 * ({@link org.jointworks.surveys.SurveyLinker}) and builds the features of the two layers
 * ({@code SurveyFeatures}). Over HTTP ({@code SurveyController}): the column-mapping preview,
 * the all-or-nothing import into {@code pipe-points} and {@code pipelines}
 * ({@code SurveyImportService}, through the layers' own import) and the export of the same tables
 * ({@code SurveyExport}).
 */
package org.jointworks.surveys;
