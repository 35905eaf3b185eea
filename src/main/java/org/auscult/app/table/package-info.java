/** Table helpers shared by every part of the workstation: {@link org.auscult.app.table.TableColumns}. */
package org.auscult.app.table;
