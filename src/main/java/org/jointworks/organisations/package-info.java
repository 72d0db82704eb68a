/** The organisations that own pipelines and works: the utility companies and the like. */
package org.jointworks.organisations;
