// Saves bytes streamed from the server (a chart rendered by the report module) as a file in the browser.
window.evalDownload = async (fileName, contentStreamReference) => {
    const buffer = await contentStreamReference.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer]));
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = fileName ?? "";
    anchor.click();
    anchor.remove();
    URL.revokeObjectURL(url);
};
