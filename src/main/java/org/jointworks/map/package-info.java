/** What the map page needs from the server beyond the layers: its settings. */
package org.jointworks.map;
