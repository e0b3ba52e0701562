// Shown by the kiosk and display apps instead of the hall's pages when the machine cannot show
// them. Built as a data: URL so it needs no file on disk and no server; the CSP forbids scripts
// even if escaping were wrong.

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function statusPageHtml(title: string, detail: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
  html, body { margin: 0; height: 100%; background: #1d2733; color: #fff; }
  body { display: flex; flex-direction: column; justify-content: center; padding: 0 8vw;
    font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
  h1 { font-size: 7vw; margin: 0 0 4vh; }
  pre { font: inherit; font-size: 2.4vw; line-height: 1.6; white-space: pre-wrap; word-break: break-all; margin: 0; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<pre>${escapeHtml(detail)}</pre>
</body>
</html>
`;
}

export function statusPageUrl(title: string, detail: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(statusPageHtml(title, detail))}`;
}

export function configErrorPageUrl(problem: string): string {
  return statusPageUrl('设备配置有误', `${problem}\n\n改好配置文件后，请重新启动本机程序。`);
}

export function serverUnreachablePageUrl(serverUrl: string, retrySeconds: number): string {
  return statusPageUrl('正在连接大厅服务器…', `${serverUrl}\n暂时无法访问，${retrySeconds} 秒后自动重试。`);
}
