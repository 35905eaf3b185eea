/**
 * Control helpers shared by every part of the workstation: {@link org.auscult.app.controls.Buttons},
 * {@link org.auscult.app.controls.Labels}.
 */
package org.auscult.app.controls;
