# Excel 工作簿：/template 模板、/import 导入、/export 导出的 XLSX

workbook-template-caption = 📗 评议设置模板（Excel）。按表填写：设置、评分项、汇报单位、评委、评审组、奖项、等次；灰色斜体的“※”行是说明，可以保留。填好后发回本群，文件说明写 /import。
workbook-template-file = 评议设置模板
workbook-font = 宋体

workbook-note-settings-setting = 设置项名称，不要修改
workbook-note-settings-value = 填写或从下拉列表选择；留空用默认值
workbook-note-settings-note = 说明
workbook-note-settings-title = 必填，最多 120 字
workbook-note-settings-language = 机器人在本群使用的语言
workbook-note-settings-aggregate-method = 评委总分如何合成：平均分、去掉最高最低分后平均、中位数
workbook-note-settings-aggregate-trim = 去掉最高最低分时，两端各去掉几个（0–10，默认 1）
workbook-note-settings-blend-live = 与平时成绩合成时现场成绩的权重；两项都留空表示不合成
workbook-note-settings-blend-prior = 与现场成绩合成时平时成绩的权重
workbook-note-settings-quorum = 每位汇报人至少几份有效评分；不足时结束前先请主持人确认（留空不检查）
workbook-note-settings-outlier = 某份总分偏离中位数超过这么多分时，结束前提醒主持人（默认 20）
workbook-note-settings-reveal = 群里何时公布结果：每轮亮分和排名、每轮只亮本单位得分、结束后公布、仅主持人可见
workbook-note-settings-prizescope = 奖项按各分组分别颁发，还是全部单位统一排名颁发（默认各分组）
workbook-note-settings-tiebreak = 最终得分相同时依次比较，高者在前，用、分隔：现场得分、评分项名称、评委组、主持人（只能放最后）；留空则名次并列
workbook-note-settings-season-name = 结束（/finish）时把本次评议计入这个赛季（可不填），见 /season
workbook-note-settings-season-weight = 本次评议在赛季中的权重（默认 1）
workbook-note-settings-join = 评委如何加入：公开加入（群内按钮、加入码）、主持人审核（主持人同意后才能评分）、仅限名单邀请（只接受个人邀请，名单见“评委”表或 /judges）；默认公开加入，见 /joinmode

workbook-note-criteria-name = 评分项名称，必填，不重复
workbook-note-criteria-max = 满分，正数，最多两位小数
workbook-note-criteria-step = 打分步长，默认 1；满分必须是步长的整数倍
workbook-note-criteria-weight = 权重，默认等于满分
workbook-note-criteria-description = 评分细则（可不填），显示在评委的评分按钮上方
workbook-note-criteria-grades = 等级（可不填），如 优 27-30、良 24-26；评委先选等级再选分数
workbook-note-presenters-name = 汇报单位或汇报人，必填，不重复；按汇报顺序填写
workbook-note-presenters-group = 分组（可不填）；同组内排名
workbook-note-presenters-prior = 平时成绩 0–100（可不填）
workbook-note-judges-name = 预设评委姓名（可整表不填，评委也可以在群里加入）
workbook-note-judges-userid = Telegram 用户 ID（可不填）
workbook-note-judges-panel = 所属评审组，须是“评审组”表里的名称
workbook-note-judges-observer = 是：观察员，评分不计入
workbook-note-judges-conflicts = 需回避的汇报单位，多个用、分隔
workbook-note-panels-name = 评审组名称（可整表不填）
workbook-note-panels-weight = 该组在现场成绩中的权重
workbook-note-prizes-name = 奖项名称，按从高到低填写
workbook-note-prizes-count = 名额（整数）
workbook-note-bands-name = 等次名称，按最低分从高到低填写
workbook-note-bands-min = 达到这个分数（0–100）即为该等次

# An example row for a sheet the example contest leaves empty (shown as a note, never imported).
workbook-note-criteria-example-name = 例：实施性
workbook-note-criteria-example-max = 30
workbook-note-criteria-example-step = 1
workbook-note-criteria-example-weight = 30
workbook-note-criteria-example-description = 对照实施方案，看工作进度与成效
workbook-note-criteria-example-grades = 优 27-30、良 21-26、中 12-20、差 0-11
workbook-note-presenters-example-name = 例：坡头镇
workbook-note-presenters-example-group = 乡镇组
workbook-note-presenters-example-prior = 88
workbook-note-judges-example-name = 例：张三
workbook-note-judges-example-userid = 123456789
workbook-note-judges-example-panel = 区领导
workbook-note-judges-example-observer = 否
workbook-note-judges-example-conflicts = 坡头镇、麻斜街道
workbook-note-panels-example-name = 例：区领导
workbook-note-panels-example-weight = 70
workbook-note-prizes-example-name = 例：一等奖
workbook-note-prizes-example-count = 1
workbook-note-bands-example-name = 例：红
workbook-note-bands-example-min = 90

workbook-at-cell = { $sheet } 第 { $row } 行 { $column }
workbook-at-row = { $sheet } 第 { $row } 行
workbook-at-column = { $sheet } { $column }
workbook-at-sheet = 工作表「{ $sheet }」

workbook-error-not-xlsx = 不是有效的 Excel 工作簿（.xlsx）。旧版 .xls 或 WPS 的 .et 文件请先“另存为” .xlsx；加密的工作簿请先取消密码
workbook-error-unpacked-too-large = 工作簿解压后太大（最多 { $limit } MB），请删除多余的工作表、图片或格式后再发
workbook-error-too-many-rows = 有内容的行太多（最多 { $limit } 行）
workbook-error-too-many-columns = 有内容的列太多（最多 { $limit } 列）
workbook-error-missing-sheet = 缺少工作表「{ $expected }」
workbook-error-unknown-sheet = 不认识的工作表（可用：{ $expected }）
workbook-error-duplicate-sheet = 与工作表「{ $first }」重复
workbook-error-unknown-setting = 不认识的设置项（可用：{ $expected }）
workbook-error-expected-number = { $expected ->
    [positive] 应为正数
    [integer] 应为整数
    [score] 应为 0–100 的数
   *[other] 应为数字
  }
workbook-error-formula-no-value = 公式（{ $ref }）没有保存计算结果：请在 Excel 或 WPS 中打开并保存，或把公式换成数值
workbook-error-formula-error = 公式（{ $ref }）的结果是错误 { $error }
workbook-error-merged-cells = 有跨列合并的单元格（{ $ref }）：请取消合并，每格填写一个值
workbook-error-bad-grades = 等级应写成“名称 最低分-最高分”，多个用、分隔，例如 优 27-30、良 24-26
workbook-error-bad-tiebreak = 并列规则「{ $item }」不对：可用 现场得分、评分项名称（现有：{ $known }）、评委组、主持人；每条只写一次，主持人只能放在最后
workbook-error-no-header = 单元格 { $ref } 所在的列没有表头：请删除这个值或补上列名

workbook-export-file = 评分汇总
workbook-export-caption = 📗 「{ $title }」评分汇总表（A4 打印，评委、计分员、监督员签字）、评分明细、{ $judges } 位评委各自的评分表和审计日志（Excel）
workbook-sheet-summary = 汇总表
workbook-sheet-ballots = 评分明细
workbook-sheet-audit = 审计日志
workbook-summary-title = { $title } 评分汇总表
workbook-date = 日期：{ $date }
workbook-sign-judges = 评委签字：
workbook-sign-scorer = 计分员签字：
workbook-sign-supervisor = 监督员签字：
workbook-sign-date = 日期：
workbook-judge-title = 评分表 — { $judge }
workbook-judge-title-panel = 评分表 — { $judge }（{ $panel }）
workbook-criterion-max = { $criterion }（{ $max }）
