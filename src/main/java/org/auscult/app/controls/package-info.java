/** Control helpers shared by every part of the workstation: {@link org.auscult.app.controls.Buttons}. */
package org.auscult.app.controls;
