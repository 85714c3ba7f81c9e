/// The templates of the public notices. Values are inserted by Mustache, which escapes them for the format
/// (`{{value}}`); the unescaped insertions are our own: the SVG template `{{> timeline}}` and the style sheet
/// `{{{style}}}`, a constant.
enum NoticeTemplates {
  static let style = """
    body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;\
    max-width:62rem;margin:0 auto;padding:1.5rem;line-height:1.6;background:#fff;overflow-wrap:anywhere}
    header{border-bottom:3px solid #b3001b;margin-bottom:1.5rem}
    h1{font-size:1.6rem;margin:.2rem 0 .8rem}h1 small{display:block;font-size:1rem;color:#555;font-weight:normal}
    h2{font-size:1.2rem;border-left:5px solid #b3001b;padding-left:.5rem;margin-top:2rem}
    h3{font-size:1.05rem;margin:.2rem 0}
    table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:#f4f4f4;font-weight:600;white-space:nowrap}th.code{background:none;font-weight:normal}th.name{white-space:normal}
    .scroll{overflow-x:auto}.code{white-space:nowrap;overflow-wrap:normal}
    .notice{border:1px solid #ddd;border-radius:4px;padding:.8rem 1rem;margin:.8rem 0}
    .changed td{color:#b3001b;font-weight:600}
    .empty{color:#555}.period{font-weight:600}.crumb a{color:#b3001b}
    footer{margin-top:2.5rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
    figure{margin:0;overflow-x:auto}figcaption{font-size:.85rem;color:#444}
    svg text{font-family:inherit}.standing{font-size:.9rem;padding-left:1.2rem}
    @media print{body{max-width:none;padding:0;font-size:10.5pt}a{color:inherit;text-decoration:none}
    a[href^="http"]:after{content:" (" attr(href) ")";font-size:8pt;word-break:break-all}
    .notice{break-inside:avoid}h2{break-after:avoid}figure{overflow:visible}svg{max-width:100%;height:auto}}
    """

  static let timeline = """
    {{% CONTENT_TYPE: MARKUP}}
    <svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="timeline-title timeline-desc">
    <title id="timeline-title">{{title}}</title>
    <desc id="timeline-desc">{{summary}}</desc>
    <rect x="0" y="0" width="{{width}}" height="{{height}}" fill="#ffffff"/>
    {{#ticks}}<line x1="{{x}}" y1="24" x2="{{x}}" y2="{{height}}" stroke="#e3e3e3"/><text x="{{x}}" y="18" font-size="11" text-anchor="middle" fill="#555">{{label}}</text>
    {{/ticks}}<line x1="{{asOfX}}" y1="24" x2="{{asOfX}}" y2="{{legendY}}" stroke="#333" stroke-dasharray="4 3"/><text x="{{asOfLabelX}}" y="32" font-size="11" text-anchor="end" fill="#333">截至 {{asOf}}</text>
    {{#rows}}<g><title>{{fullLabel}}</title>
    <text x="{{labelStart}}" y="{{textY}}" font-size="{{labelFontSize}}" fill="#1a1a1a">{{label}}</text><text x="{{statusEnd}}" y="{{textY}}" font-size="{{statusFontSize}}" text-anchor="end" fill="#333">{{status}}</text>
    <line x1="{{formedX}}" y1="{{y}}" x2="{{lineEndX}}" y2="{{y}}" stroke="#9a9a9a" stroke-width="2"/>
    <circle cx="{{formedX}}" cy="{{y}}" r="3" fill="#ffffff" stroke="#555"/>
    {{#overdueWidth}}<rect x="{{deadlineX}}" y="{{barY}}" width="{{.}}" height="6" fill="#D55E00" fill-opacity="0.35"/>{{/overdueWidth}}
    {{#deadlineX}}<path d="M{{.}},{{tickY}} v14" stroke="#1a1a1a" stroke-width="2" fill="none"/>{{/deadlineX}}
    <path d="{{mark}}" fill="{{#hollow}}#ffffff{{/hollow}}{{^hollow}}{{colour}}{{/hollow}}" stroke="{{colour}}" stroke-width="2"/></g>
    {{/rows}}{{#legend}}<path d="{{mark}}" fill="{{#hollow}}#ffffff{{/hollow}}{{^hollow}}{{colour}}{{/hollow}}" stroke="{{colour}}" stroke-width="2"/><text x="{{textX}}" y="{{legendY}}" font-size="11" fill="#333">{{label}}</text>
    {{/legend}}</svg>
    """

  /// The head every HTML page gongkai writes opens with, up to its `<body>`: `title` and `links` are template text.
  static func htmlHead(title: String, links: String = "") -> String {
    """
    {{% CONTENT_TYPE: MARKUP}}
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(title)</title>\(links)
    <style>{{{style}}}</style>
    </head>
    <body>

    """
  }

  static let projectHTML = htmlHead(title: "{{#page}}{{name}}{{/page}} 重大建设项目信息公开") + """
    {{#page}}
    <header>
    <p class="crumb"><a href="index.html">重大建设项目信息公开</a></p>
    <h1>{{name}}<small>重大建设项目信息公开</small></h1>
    </header>
    <main>
    <section aria-labelledby="basic">
    <h2 id="basic">项目基本信息</h2>
    <table>
    <tbody>
    <tr><th scope="row">项目代码</th><td>{{code}}</td></tr>
    <tr><th scope="row">项目法人</th><td>{{#legalPerson}}{{.}}{{/legalPerson}}{{^legalPerson}}—{{/legalPerson}}</td></tr>
    <tr><th scope="row">建设地点</th><td>{{#location}}{{.}}{{/location}}{{^location}}—{{/location}}</td></tr>
    <tr><th scope="row">总投资</th><td>{{#investment}}{{.}}{{/investment}}{{^investment}}—{{/investment}}</td></tr>
    <tr><th scope="row">责任单位</th><td>{{responsibleUnit}}</td></tr>
    </tbody>
    </table>
    </section>
    <section aria-labelledby="timeline">
    <h2 id="timeline">信息公开时间线</h2>
    {{#timeline}}<figure>
    {{> timeline}}
    <figcaption>每行一项信息：空心圆为信息形成日，竖线为法定公开截止日，标记为公开日或当前状态（圆形按时公开，三角逾期公开，方形公示期不足，菱形待公开，叉号逾期未公开）；状态同时以文字标注于左侧，并逐项列于图下。</figcaption>
    </figure>
    <p>{{summary}}</p>
    <ul class="standing">
    {{#rows}}<li>{{fullLabel}}</li>
    {{/rows}}</ul>{{#unverifiedNote}}
    <p class="note">{{.}}</p>{{/unverifiedNote}}{{/timeline}}{{^timeline}}<p>截至 {{asOf}}，本项目尚无应公开的信息。</p>{{/timeline}}
    </section>
    {{#sections}}
    <section aria-labelledby="category-{{position}}">
    <h2 id="category-{{position}}">{{ordinal}}、{{name}}</h2>
    {{#items}}
    <article class="notice">
    <h3>{{kindName}}{{#validityMark}}（{{.}}）{{/validityMark}}</h3>
    <table>
    <tbody>
    <tr><th scope="row">索引号</th><td>{{indexNumber}}</td><th scope="row">发布机构</th><td>{{publisher}}</td></tr>
    <tr><th scope="row">生成日期</th><td>{{formedOn}}</td><th scope="row">文号</th><td>{{#reference}}{{.}}{{/reference}}{{^reference}}—{{/reference}}</td></tr>
    <tr><th scope="row">公开方式</th><td colspan="3">主动公开</td></tr>{{#correction}}
    <tr><th scope="row">更正</th><td colspan="3">{{.}}</td></tr>{{/correction}}
    {{#validity}}<tr class="changed"><th scope="row">有效性</th><td colspan="3">{{.}}</td></tr>{{/validity}}{{#withdrawalReason}}
    <tr class="changed"><th scope="row">撤回理由</th><td colspan="3">{{.}}</td></tr>{{/withdrawalReason}}
    {{#changes}}<tr><th scope="row">所变更信息</th><td colspan="3">{{.}}</td></tr>{{/changes}}{{#withdraws}}<tr><th scope="row">所撤回信息</th><td colspan="3">{{.}}</td></tr>{{/withdraws}}
    </tbody>
    </table>
    {{#summary}}<p class="summary">{{#summaryLines}}{{.}}{{^last()}}<br>{{/last()}}{{/summaryLines}}</p>{{/summary}}
    {{#publicationPeriod}}<p class="period">{{.}}</p>{{/publicationPeriod}}
    {{#periodNote}}<p class="note">{{.}}</p>{{/periodNote}}
    <p>公开日期：{{publishedOn}}；公开渠道：{{#url}}<a href="{{.}}">{{channel}}</a>{{/url}}{{^url}}{{channel}}{{/url}}{{#channelIndexNumber}}（索引号 {{.}}）{{/channelIndexNumber}}{{#alsoPublished}}；亦发布于：{{#entries}}{{^isFirst}}、{{/isFirst}}{{#address}}<a href="{{.}}">{{channel}}</a>{{/address}}{{^address}}{{channel}}{{/address}}（{{publishedOn}}，索引号 {{indexNumber}}）{{/entries}}{{/alsoPublished}}</p>
    </article>
    {{/items}}
    {{^items}}
    <p class="empty">本类信息尚无公开内容。</p>
    {{/items}}
    </section>
    {{/sections}}
    </main>
    <footer>
    <p>信息截至 {{asOf}}。本页由 Gongkai 根据登记的公开记录生成；法定公开时限按《中华人民共和国政府信息公开条例》第二十六条及相关法律法规计算。</p>{{#judgedUnder}}
    <p>{{judgedUnder}}</p>{{/judgedUnder}}{{#provisionalNote}}
    <p>{{.}}</p>{{/provisionalNote}}
    <p>登记簿变更记录链头：<code>{{changeLogHead}}</code>（用于核对本页所依据的登记簿状态）</p>
    </footer>
    {{/page}}
    </body>
    </html>

    """

  // The index streams: its head, one row per project as the register is read, and its foot, so that a register
  // of a million projects never has to be held in memory to list it.
  static let indexHead = htmlHead(
    title: "重大建设项目信息公开",
    links: "\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"最新公开信息\" href=\"feed.atom\">") + """
    <header>
    <h1>重大建设项目信息公开<small>截至 {{asOf}}，共 {{projectCount}} 个项目</small></h1>
    </header>
    <main>
    <section aria-labelledby="projects">
    <h2 id="projects">项目及公开情况</h2>
    <div class="scroll">
    <table>
    <thead>
    <tr><th scope="col">项目代码</th><th scope="col">项目名称</th><th scope="col">责任单位</th><th scope="col">公开事项数</th>{{#statusNames}}<th scope="col">{{.}}</th>{{/statusNames}}<th scope="col">状态暂定</th></tr>
    </thead>
    <tbody>

    """

  static let indexRow = """
    {{% CONTENT_TYPE: MARKUP}}
    <tr><th scope="row" class="code">{{code}}</th><td><a href="{{page}}">{{name}}</a></td><td>{{responsibleUnit}}</td><td>{{disclosedCount}}</td>{{#counts}}<td>{{.}}</td>{{/counts}}<td>{{provisional}}</td></tr>

    """

  static let indexFoot = """
    {{% CONTENT_TYPE: MARKUP}}
    {{#noProjects}}<tr><td colspan="{{columns}}" class="empty">暂无项目</td></tr>
    {{/noProjects}}</tbody>
    </table>
    </div>
    <p><a href="feed.atom">订阅最新公开信息（Atom）</a></p>
    </section>
    </main>
    <footer>
    <p>本页由 Gongkai 生成。状态按法定公开时限计算：按时公开、逾期公开、逾期未公开、公示期不足、待公开。法律法规未规定自信息形成起算的公开期限的事项（无固定期限），公开后计为“已公开”，年度报告不计入按时率。“公开事项数”计已公开的事项；各状态列之和另含逾期未公开、待公开的事项。</p>{{#judgedUnder}}
    <p>{{judgedUnder}}</p>{{/judgedUnder}}{{#provisionalNote}}
    <p>{{.}}</p>{{/provisionalNote}}
    <p>登记簿变更记录链头：<code>{{changeLogHead}}</code></p>
    </footer>
    </body>
    </html>

    """

  static let projectMarkdown = """
    {{% CONTENT_TYPE: MARKDOWN}}
    {{#page}}
    # {{name}} 重大建设项目信息公开

    ## 项目基本信息

    | 项目 | 内容 |
    | --- | --- |
    | 项目代码 | {{code}} |
    | 项目法人 | {{#legalPerson}}{{.}}{{/legalPerson}}{{^legalPerson}}—{{/legalPerson}} |
    | 建设地点 | {{#location}}{{.}}{{/location}}{{^location}}—{{/location}} |
    | 总投资 | {{#investment}}{{.}}{{/investment}}{{^investment}}—{{/investment}} |
    | 责任单位 | {{responsibleUnit}} |
    {{#timeline}}

    ## 信息公开情况

    {{summary}}

    {{#rows}}
    - {{fullLabel}}
    {{/rows}}
    {{#unverifiedNote}}

    {{.}}
    {{/unverifiedNote}}
    {{/timeline}}
    {{^timeline}}

    ## 信息公开情况

    截至 {{asOf}}，本项目尚无应公开的信息。
    {{/timeline}}
    {{#sections}}

    ## {{ordinal}}、{{name}}
    {{#items}}

    ### {{kindName}}{{#validityMark}}（{{.}}）{{/validityMark}}

    - 索引号：{{indexNumber}}
    - 发布机构：{{publisher}}
    - 生成日期：{{formedOn}}
    - 文号：{{#reference}}{{.}}{{/reference}}{{^reference}}—{{/reference}}
    - 公开方式：主动公开
    {{#correction}}
    - 更正：{{.}}
    {{/correction}}
    {{#validity}}
    - 有效性：{{.}}
    {{/validity}}
    {{#withdrawalReason}}
    - 撤回理由：{{.}}
    {{/withdrawalReason}}
    {{#changes}}
    - 所变更信息：{{.}}
    {{/changes}}
    {{#withdraws}}
    - 所撤回信息：{{.}}
    {{/withdraws}}
    - 公开日期：{{publishedOn}}
    - 公开渠道：{{channel}}{{#url}}（{{.}}）{{/url}}{{#channelIndexNumber}}（索引号 {{.}}）{{/channelIndexNumber}}
    {{#alsoPublished}}
    - 亦发布于：{{#entries}}{{^isFirst}}、{{/isFirst}}{{channel}}（{{publishedOn}}，索引号 {{indexNumber}}{{#address}}，{{.}}{{/address}}）{{/entries}}
    {{/alsoPublished}}
    {{#publicationPeriod}}
    - {{.}}
    {{/publicationPeriod}}
    {{#periodNote}}
    - {{.}}
    {{/periodNote}}
    {{#summary}}

    {{#summaryLines}}
    {{.}}{{^last()}}\\{{/last()}}
    {{/summaryLines}}
    {{/summary}}
    {{/items}}
    {{^items}}

    本类信息尚无公开内容。
    {{/items}}
    {{/sections}}

    ---

    信息截至 {{asOf}}。本页由 Gongkai 根据登记的公开记录生成。{{#judgedUnder}}{{judgedUnder}}。{{/judgedUnder}}{{#provisionalNote}}{{.}}{{/provisionalNote}}登记簿变更记录链头：{{changeLogHead}}
    {{/page}}

    """

  static let projectText = """
    {{% CONTENT_TYPE: TEXT}}
    {{#page}}
    {{name}} 重大建设项目信息公开

    项目基本信息
      项目代码：{{code}}
      项目法人：{{#legalPerson}}{{.}}{{/legalPerson}}{{^legalPerson}}—{{/legalPerson}}
      建设地点：{{#location}}{{.}}{{/location}}{{^location}}—{{/location}}
      总投资：{{#investment}}{{.}}{{/investment}}{{^investment}}—{{/investment}}
      责任单位：{{responsibleUnit}}
    {{#timeline}}

    信息公开情况
      {{summary}}
    {{#rows}}
      {{fullLabel}}
    {{/rows}}
    {{#unverifiedNote}}

      {{.}}
    {{/unverifiedNote}}
    {{/timeline}}
    {{^timeline}}

    信息公开情况
      截至 {{asOf}}，本项目尚无应公开的信息。
    {{/timeline}}
    {{#sections}}

    {{ordinal}}、{{name}}
    {{#items}}
      {{kindName}}{{#validityMark}}（{{.}}）{{/validityMark}}
        索引号：{{indexNumber}}　发布机构：{{publisher}}
        生成日期：{{formedOn}}　文号：{{#reference}}{{.}}{{/reference}}{{^reference}}—{{/reference}}　公开方式：主动公开
    {{#correction}}
        更正：{{.}}
    {{/correction}}
    {{#validity}}
        有效性：{{.}}
    {{/validity}}
    {{#withdrawalReason}}
        撤回理由：{{.}}
    {{/withdrawalReason}}
    {{#changes}}
        所变更信息：{{.}}
    {{/changes}}
    {{#withdraws}}
        所撤回信息：{{.}}
    {{/withdraws}}
        公开日期：{{publishedOn}}　公开渠道：{{channel}}{{#url}}（{{.}}）{{/url}}{{#channelIndexNumber}}（索引号 {{.}}）{{/channelIndexNumber}}
    {{#alsoPublished}}
        亦发布于：{{#entries}}{{^isFirst}}、{{/isFirst}}{{channel}}（{{publishedOn}}，索引号 {{indexNumber}}{{#address}}，{{.}}{{/address}}）{{/entries}}
    {{/alsoPublished}}
    {{#publicationPeriod}}
        {{.}}
    {{/publicationPeriod}}
    {{#periodNote}}
        {{.}}
    {{/periodNote}}
    {{#summaryLines}}
        {{.}}
    {{/summaryLines}}
    {{/items}}
    {{^items}}
      本类信息尚无公开内容。
    {{/items}}
    {{/sections}}

    信息截至 {{asOf}}。{{#judgedUnder}}{{judgedUnder}}。{{/judgedUnder}}{{#provisionalNote}}{{.}}{{/provisionalNote}}登记簿变更记录链头：{{changeLogHead}}
    {{/page}}

    """

  static let atom = """
    {{% CONTENT_TYPE: MARKUP}}
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="zh-CN">
    <id>{{id}}</id>
    <title>重大建设项目信息公开：最新公开信息</title>
    <updated>{{updated}}</updated>
    <link rel="self" href="feed.atom"/>
    <link rel="alternate" type="text/html" href="index.html"/>
    <generator>Gongkai</generator>
    {{#entries}}
    <entry>
    <id>{{id}}</id>
    <title>{{title}}</title>
    <updated>{{updated}}</updated>
    <published>{{published}}</published>
    <author><name>{{author}}</name></author>
    <link rel="alternate" href="{{link}}"/>
    <category scheme="urn:gongkai:category" term="{{category}}" label="{{categoryName}}"/>
    <category scheme="urn:gongkai:kind" term="{{kind}}" label="{{kindName}}"/>
    <summary>{{summary}}</summary>
    </entry>
    {{/entries}}
    {{#deleted}}
    <at:deleted-entry ref="{{ref}}" when="{{when}}"><at:comment>{{comment}}</at:comment></at:deleted-entry>
    {{/deleted}}
    </feed>

    """
}
